/**
 * Renders explanation parts as sentences in Finnish, Swedish or English. Every user-visible
 * sentence of the recommender lives in the one table below (the matching analysis has its own
 * in shared/matching/text.ts), so a
 * translator finds them all in one place and a test can check that no language is missing one.
 */
import { pickText, type Language, type Meter } from '../model';
import type { ExplanationPart, NeedVia, QueryNote } from './types';

type Vars = Record<string, string | number>;

/** Meter names as a person would read them in a sentence. */
export const METER_NAMES: Record<Meter, Record<Language, string>> = {
  health: { fi: 'terveys', sv: 'hälsa', en: 'health' },
  resilience: { fi: 'vaikeuksien voittaminen', sv: 'att övervinna svårigheter', en: 'overcoming difficulties' },
  housing: { fi: 'asuminen', sv: 'boende', en: 'housing' },
  working_studying: { fi: 'opiskelu tai työ', sv: 'studier eller arbete', en: 'studying or work' },
  family: { fi: 'perhe', sv: 'familj', en: 'family' },
  friends: { fi: 'ystävät', sv: 'vänner', en: 'friends' },
  finance: { fi: 'raha-asiat', sv: 'ekonomi', en: 'finances' },
  improvement_of_strengths: { fi: 'itsensä kehittäminen', sv: 'att utveckla sina styrkor', en: 'improving one’s strengths' },
  self_esteem: { fi: 'itsetunto', sv: 'självkänsla', en: 'self-esteem' },
  life_satisfaction: { fi: 'tyytyväisyys elämään', sv: 'tillfredsställelse med livet', en: 'life satisfaction' },
};

/** Every sentence template, by key and language. `{x}` is replaced by a value. */
export const STRINGS = {
  'level.veryLow': { fi: 'hyvin matala', sv: 'mycket låg', en: 'very low' },
  'level.low': { fi: 'matala', sv: 'låg', en: 'low' },
  'level.middling': { fi: 'kohtalainen', sv: 'måttlig', en: 'middling' },
  'level.fair': { fi: 'melko hyvä', sv: 'ganska god', en: 'fairly good' },
  'meter.label': {
    fi: 'Mittari ”{meter}” on {level} ({value}/10), ja palvelu on merkitty tähän aiheeseen.',
    sv: 'Mätaren ”{meter}” är {level} ({value}/10), och tjänsten är märkt för det här området.',
    en: 'The “{meter}” meter is {level} ({value}/10), and the service is labelled for this area.',
  },
  'meter.inferred': {
    fi: 'Mittari ”{meter}” on {level} ({value}/10), ja palvelu näyttää liittyvän tähän aiheeseen (päätelty sanoista: {words}).',
    sv: 'Mätaren ”{meter}” är {level} ({value}/10), och tjänsten verkar gälla det här området (härlett ur orden: {words}).',
    en: 'The “{meter}” meter is {level} ({value}/10), and the service appears to address this area (inferred from the words: {words}).',
  },
  'meter.inferredLang': {
    fi: 'Mittari ”{meter}” on {level} ({value}/10), ja palvelu näyttää liittyvän tähän aiheeseen (päätelty {language} sanoista, koska palvelulla ei ole suomenkielistä tekstiä: {words}).',
    sv: 'Mätaren ”{meter}” är {level} ({value}/10), och tjänsten verkar gälla det här området (härlett ur de {language} orden, eftersom tjänsten saknar svensk text: {words}).',
    en: 'The “{meter}” meter is {level} ({value}/10), and the service appears to address this area (inferred from the {language} words, as the service has no English text: {words}).',
  },
  'meter.inferredNoWords': {
    fi: 'Mittari ”{meter}” on {level} ({value}/10), ja palvelu näyttää liittyvän tähän aiheeseen (päätelty samankaltaisista palveluista).',
    sv: 'Mätaren ”{meter}” är {level} ({value}/10), och tjänsten verkar gälla det här området (härlett ur liknande tjänster).',
    en: 'The “{meter}” meter is {level} ({value}/10), and the service appears to address this area (inferred from similar services).',
  },
  'need.link': {
    fi: 'Palvelu on liitetty tarpeeseen ”{need}” (tärkeys {importance}/5).',
    sv: 'Tjänsten är kopplad till behovet ”{need}” (betydelse {importance}/5).',
    en: 'The service is linked to the need “{need}” (importance {importance}/5).',
  },
  'need.class': {
    fi: 'Palvelulla on sama palveluluokka ({codes}) kuin tarpeella ”{need}” (tärkeys {importance}/5).',
    sv: 'Tjänsten har samma tjänsteklass ({codes}) som behovet ”{need}” (betydelse {importance}/5).',
    en: 'The service shares the service class {codes} with the need “{need}” (importance {importance}/5).',
  },
  'need.keyword': {
    fi: 'Palvelun kuvauksessa mainitaan tarpeen ”{need}” avainsanoja: {words} (tärkeys {importance}/5).',
    sv: 'Tjänstens beskrivning nämner nyckelord för behovet ”{need}”: {words} (betydelse {importance}/5).',
    en: 'The service’s text mentions keywords of the need “{need}”: {words} (importance {importance}/5).',
  },
  'need.ontology': {
    fi: 'Palvelulla on samoja asiasanoja ({codes}) kuin tarpeeseen ”{need}” liitetyillä palveluilla (tärkeys {importance}/5).',
    sv: 'Tjänsten har samma ämnesord ({codes}) som tjänsterna kopplade till behovet ”{need}” (betydelse {importance}/5).',
    en: 'The service shares ontology terms ({codes}) with the services linked to the need “{need}” (importance {importance}/5).',
  },
  'need.lifeEvent': {
    fi: 'Sama elämäntapahtuma ”{lifeEvent}” kuin tarpeella ”{need}” (heikko vihje: ei tiedetä, vastaako palvelu tarpeeseen).',
    sv: 'Samma livshändelse ”{lifeEvent}” som behovet ”{need}” (svag ledtråd: det är inte känt om tjänsten möter behovet).',
    en: 'Same life event “{lifeEvent}” as the need “{need}” (weak hint: it is not known whether the service meets the need).',
  },
  text: {
    fi: 'Hakusanat osuivat palvelun tekstiin: {words}.',
    sv: 'Sökorden träffade tjänstens text: {words}.',
    en: 'Your search words matched the service’s text: {words}.',
  },
  'text.translated': {
    fi: 'Hakusanojen vastineet toisella kielellä osuivat palvelun tekstiin: {words}.',
    sv: 'Motsvarigheter till sökorden på ett annat språk träffade tjänstens text: {words}.',
    en: 'Other-language equivalents of your search words matched the service’s text: {words}.',
  },
  textMeter: {
    fi: 'Hakusanat {words} liittyvät aiheeseen ”{meter}”, johon palvelu liittyy.',
    sv: 'Sökorden {words} gäller området ”{meter}”, som tjänsten gäller.',
    en: 'Your words {words} relate to “{meter}”, which the service addresses.',
  },
  lifeEvent: {
    fi: 'Palvelu kuuluu elämäntapahtumaan ”{lifeEvent}”.',
    sv: 'Tjänsten hör till livshändelsen ”{lifeEvent}”.',
    en: 'The service belongs to the life event “{lifeEvent}”.',
  },
  'area.municipality': {
    fi: 'Palvelua tarjotaan kotikunnassasi ({area}).',
    sv: 'Tjänsten erbjuds i din hemkommun ({area}).',
    en: 'The service is offered in your municipality ({area}).',
  },
  'area.region': {
    fi: 'Palvelua tarjotaan alueellasi, johon kotikuntasi ({area}) kuuluu.',
    sv: 'Tjänsten erbjuds i ditt område, som din hemkommun ({area}) hör till.',
    en: 'The service is offered in your region, which includes your municipality ({area}).',
  },
  'area.nationwide': {
    fi: 'Palvelu on valtakunnallinen.',
    sv: 'Tjänsten är riksomfattande.',
    en: 'The service is available nationwide.',
  },
  'list.and': { fi: 'ja', sv: 'och', en: 'and' },
  // Notes about a whole answer.
  'note.textUnmatched.one': {
    fi: 'Hakusana {words} ei osunut yhdenkään palvelun tekstiin, joten se ei vaikuttanut tuloksiin.',
    sv: 'Sökordet {words} träffade ingen tjänsts text, så det påverkade inte resultatet.',
    en: 'The search word {words} matched no service text, so it did not affect the results.',
  },
  'note.textUnmatched.many': {
    fi: 'Hakusanat {words} eivät osuneet yhdenkään palvelun tekstiin, joten ne eivät vaikuttaneet tuloksiin.',
    sv: 'Sökorden {words} träffade ingen tjänsts text, så de påverkade inte resultatet.',
    en: 'The search words {words} matched no service text, so they did not affect the results.',
  },
  'note.ageExcluded.one': {
    fi: 'Listalta jätettiin pois 1 palvelu, joka on tarkoitettu muun ikäisille kuin {age}-vuotiaille: {services}.',
    sv: '1 tjänst lämnades bort från listan eftersom den är avsedd för andra än {age}-åringar: {services}.',
    en: '1 service was left out of the list because it is meant for people other than {age}-year-olds: {services}.',
  },
  'note.ageExcluded.many': {
    fi: 'Listalta jätettiin pois {count} palvelua, jotka on tarkoitettu muun ikäisille kuin {age}-vuotiaille: {services}.',
    sv: '{count} tjänster lämnades bort från listan eftersom de är avsedda för andra än {age}-åringar: {services}.',
    en: '{count} services were left out of the list because they are meant for people other than {age}-year-olds: {services}.',
  },
  'note.ageByGroups': { fi: '”{name}” ({group}, PTV-kohderyhmä)', sv: '”{name}” ({group}, PTV-målgrupp)', en: '“{name}” ({group}, PTV target group)' },
  'note.ageByWords': {
    fi: '”{name}” ({group}, päätelty sanasta {words})',
    sv: '”{name}” ({group}, härlett ur ordet {words})',
    en: '“{name}” ({group}, inferred from the word {words})',
  },
  'age.children': { fi: 'lapset ja lapsiperheet', sv: 'barn och barnfamiljer', en: 'children and families with children' },
  'age.young': { fi: 'nuoret', sv: 'unga', en: 'young people' },
  'age.students': { fi: 'opiskelijat', sv: 'studerande', en: 'students' },
  'age.adults': { fi: 'aikuiset', sv: 'vuxna', en: 'adults' },
  'age.older': { fi: 'ikäihmiset', sv: 'äldre', en: 'older people' },
  'age.none': { fi: 'ei kansalaisille', sv: 'inte för medborgare', en: 'not for citizens' },
  'age.other': { fi: 'muu ikäryhmä', sv: 'annan åldersgrupp', en: 'another age group' },
  // The language quoted words are in, as the sentence 'meter.inferredLang' needs it.
  'wordsIn.fi': { fi: 'suomenkielisistä', sv: 'finska', en: 'Finnish' },
  'wordsIn.sv': { fi: 'ruotsinkielisistä', sv: 'svenska', en: 'Swedish' },
  'wordsIn.en': { fi: 'englanninkielisistä', sv: 'engelska', en: 'English' },
} as const satisfies Record<string, Record<Language, string>>;

export type StringKey = keyof typeof STRINGS;

/** Fills one template of the table in a language. */
export function t(key: StringKey, lang: Language, vars: Vars = {}): string {
  return STRINGS[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => (vars[k] === undefined ? `{${k}}` : String(vars[k])));
}

/** Joins words as a list: “a, b and c” in the language. */
export function joinList(items: readonly string[], lang: Language): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${t('list.and', lang)} ${items[items.length - 1]}`;
}

function level(value: number): StringKey {
  if (value <= 2) return 'level.veryLow';
  if (value <= 4) return 'level.low';
  if (value <= 6) return 'level.middling';
  return 'level.fair';
}

/** Optional names for codes (service classes, municipalities, life events) the parts only carry as codes. */
export interface ExplainOptions {
  label?: (code: string, lang: Language) => string | undefined;
}

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

function needSentence(part: Extract<ExplanationPart, { kind: 'need' }>, via: NeedVia, lang: Language, o: ExplainOptions): string {
  const need = pickText(part.name, lang) || part.need;
  const base = { need, importance: part.importance };
  const label = (c: string) => o.label?.(c, lang) ?? c;
  switch (via.type) {
    case 'link':
      return t('need.link', lang, base);
    case 'class':
      return t('need.class', lang, { ...base, codes: joinList(via.codes.map(label), lang) });
    case 'keyword': {
      // The need's own words in this language (or keywords, which have none) first.
      const mine = via.words.filter((w, k) => !via.langs || via.langs[k] === '' || via.langs[k] === lang);
      return t('need.keyword', lang, { ...base, words: joinList((mine.length ? mine : via.words).map((w) => quote(w, lang)), lang) });
    }
    case 'ontology':
      return t('need.ontology', lang, { ...base, codes: joinList(via.codes.map(label), lang) });
    case 'lifeEvent':
      return t('need.lifeEvent', lang, { ...base, lifeEvent: pickText(via.name, lang) || label(via.lifeEvent) });
  }
}

/** One sentence per reason, in the language; a need with several reasons gives its strongest. */
export function explainSentences(parts: readonly ExplanationPart[], lang: Language, o: ExplainOptions = {}): string[] {
  const out: string[] = [];
  for (const p of parts) {
    switch (p.kind) {
      case 'meter': {
        const vars = { meter: METER_NAMES[p.meter][lang], level: t(level(p.value), lang), value: fmt(p.value) };
        if (p.source === 'label') out.push(t('meter.label', lang, vars));
        else if (p.words.length && p.wordsLanguage && p.wordsLanguage !== lang)
          out.push(t('meter.inferredLang', lang, { ...vars, language: t(`wordsIn.${p.wordsLanguage}`, lang), words: joinList(p.words, lang) }));
        else if (p.words.length) out.push(t('meter.inferred', lang, { ...vars, words: joinList(p.words, lang) }));
        else out.push(t('meter.inferredNoWords', lang, vars));
        break;
      }
      case 'need': {
        const order: NeedVia['type'][] = ['link', 'class', 'keyword', 'ontology', 'lifeEvent'];
        const best = [...p.via].sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type))[0];
        if (best) out.push(needSentence(p, best, lang, o));
        break;
      }
      case 'text':
        if (p.words.length) out.push(t('text', lang, { words: joinList(p.words, lang) }));
        if (p.translated?.length) out.push(t('text.translated', lang, { words: joinList(p.translated, lang) }));
        break;
      case 'textMeter':
        out.push(t('textMeter', lang, { words: joinList(p.words, lang), meter: METER_NAMES[p.meter][lang] }));
        break;
      case 'lifeEvent':
        out.push(t('lifeEvent', lang, { lifeEvent: pickText(p.name, lang) || (o.label?.(p.lifeEvent, lang) ?? p.lifeEvent) }));
        break;
      case 'area': {
        const area = p.area ? (o.label?.(p.area, lang) ?? p.area) : '';
        out.push(t(p.fit === 'municipality' ? 'area.municipality' : p.fit === 'region' ? 'area.region' : 'area.nationwide', lang, { area }));
        break;
      }
    }
  }
  return out;
}

const quote = (w: string, lang: Language) => (lang === 'en' ? `“${w}”` : `”${w}”`);

/** An age range as a person reads it: "70" or "65–80". */
function ageText(lo: number, hi: number): string {
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}

/** Sentences for the notes about a whole answer, in the language. */
export function explainNotes(notes: readonly QueryNote[], lang: Language): string[] {
  const out: string[] = [];
  for (const n of notes) {
    if (n.kind === 'textUnmatched') {
      const words = joinList(n.words.map((w) => quote(w, lang)), lang);
      out.push(t(n.words.length === 1 ? 'note.textUnmatched.one' : 'note.textUnmatched.many', lang, { words }));
    } else {
      const services = n.services.map((s) => {
        const name = pickText(s.name, lang) || s.serviceId;
        const group = s.groups.length
          ? joinList(s.groups.map((g) => t(`age.${g}`, lang)), lang)
          : t(s.citizens ? 'age.other' : 'age.none', lang);
        if (s.source === 'words') return t('note.ageByWords', lang, { name, group, words: joinList(s.words.map((w) => quote(w, lang)), lang) });
        return t('note.ageByGroups', lang, { name, group });
      });
      out.push(
        t(n.services.length === 1 ? 'note.ageExcluded.one' : 'note.ageExcluded.many', lang, {
          count: n.services.length,
          age: ageText(n.ageMin, n.ageMax),
          services: joinList(services, lang),
        }),
      );
    }
  }
  return out;
}

/** Renders explanation parts as one paragraph in Finnish, Swedish or English. */
export function explain(parts: readonly ExplanationPart[], lang: Language, o: ExplainOptions = {}): string {
  return explainSentences(parts, lang, o).join(' ');
}
