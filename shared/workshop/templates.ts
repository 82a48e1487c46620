import { pickText, type Language, type LocalizedText } from '../model';
import type { AgendaStep, WorkshopTemplate } from './types';

/**
 * Ready-made sessions for the parts of the operating model (toimintamalli) that are run as
 * workshops: mapping a life event's service ecosystem, reviewing a situational picture together,
 * and the "knowledge-management mirror" self-assessment. Texts in fi/sv/en.
 */

const t = (fi: string, sv: string, en: string): LocalizedText => ({ fi, sv, en });

export const ECOSYSTEM_TEMPLATE: WorkshopTemplate = {
  id: 'builtin-ecosystem',
  builtIn: true,
  name: t('Elämäntapahtuman palveluekosysteemin kartoitus', 'Kartläggning av en livshändelses tjänsteekosystem', "Mapping a life event's service ecosystem"),
  description: t(
    'Tarpeet, palvelut ja niiden kytkökset yhdessä eri organisaatioiden kanssa; lopuksi tärkeimmät aukot.',
    'Behov, tjänster och hur de hänger ihop, tillsammans med flera organisationer; till sist de viktigaste luckorna.',
    'Needs, services and how they connect, with several organisations together; at the end, the most important gaps.',
  ),
  steps: [
    {
      id: 'intro',
      kind: 'info',
      title: t('Aloitus ja tavoitteet', 'Inledning och mål', 'Opening and goals'),
      prompt: t(
        'Kenen elämäntapahtumaa kartoitamme tänään, ja mitä haluamme saada aikaan?',
        'Vems livshändelse kartlägger vi i dag, och vad vill vi åstadkomma?',
        "Whose life event are we mapping today, and what do we want to achieve?",
      ),
      minutes: 10,
    },
    {
      id: 'needs',
      kind: 'brainstorm',
      title: t('Palvelutarpeet', 'Servicebehov', 'Service needs'),
      prompt: t(
        'Mitä ihminen tässä elämäntapahtumassa tarvitsee ensimmäisen kuukauden aikana? Yksi tarve lappua kohden.',
        'Vad behöver en människa i den här livshändelsen under den första månaden? Ett behov per lapp.',
        'What does a person in this life event need in the first month? One need per note.',
      ),
      minutes: 15,
    },
    {
      id: 'group',
      kind: 'discuss',
      title: t('Tarpeiden ryhmittely', 'Gruppering av behoven', 'Grouping the needs'),
      prompt: t(
        'Fasilitaattori ryhmittelee laput; keskustellaan, mitkä ryhmät ovat samaa tarvetta.',
        'Facilitatorn grupperar lapparna; vi diskuterar vilka grupper som är samma behov.',
        'The facilitator groups the notes; we discuss which groups are the same need.',
      ),
      minutes: 10,
    },
    {
      id: 'services',
      kind: 'propose',
      title: t('Palvelut ja kytkökset', 'Tjänster och kopplingar', 'Services and links'),
      prompt: t(
        'Mikä palvelu vastaa mihinkin tarpeeseen? Ehdota puuttuvia palveluja, linkkejä ja korjauksia karttaan.',
        'Vilken tjänst svarar på vilket behov? Föreslå tjänster, länkar och rättelser som saknas på kartan.',
        'Which service addresses which need? Propose missing services, links and corrections to the map.',
      ),
      minutes: 20,
    },
    {
      id: 'gaps',
      kind: 'vote',
      title: t('Tärkeimmät aukot', 'De viktigaste luckorna', 'The most important gaps'),
      prompt: t(
        'Mihin tarpeisiin ei nyt vastata hyvin? Jaa pisteesi niille, joihin pitäisi tarttua ensin.',
        'Vilka behov möts inte väl i dag? Ge dina prickar till dem som vi borde ta itu med först.',
        'Which needs are not met well today? Give your dots to those we should tackle first.',
      ),
      minutes: 10,
    },
    {
      id: 'next',
      kind: 'discuss',
      title: t('Seuraavat askeleet', 'Nästa steg', 'Next steps'),
      prompt: t('Kuka tekee mitä ja mihin mennessä?', 'Vem gör vad och till när?', 'Who does what, and by when?'),
      minutes: 10,
    },
  ],
};

export const PICTURE_REVIEW_TEMPLATE: WorkshopTemplate = {
  id: 'builtin-picture-review',
  builtIn: true,
  name: t('Tilannekuvan yhteinen läpikäynti', 'Gemensam genomgång av lägesbilden', 'Reviewing the situational picture together'),
  description: t(
    'Tavoitteet, mittarit ja viimeisimmät kohtaantotulokset yhdessä; korjaukset ja painopisteet.',
    'Mål, indikatorer och de senaste matchningsresultaten tillsammans; rättelser och prioriteringar.',
    'Goals, indicators and the latest matching results together; corrections and priorities.',
  ),
  steps: [
    {
      id: 'overview',
      kind: 'info',
      title: t('Tilannekuva nyt', 'Lägesbilden nu', 'The picture now'),
      prompt: t(
        'Käydään läpi tavoitteet, mittarit ja viimeisimmät kohtaantotulokset.',
        'Vi går igenom målen, indikatorerna och de senaste matchningsresultaten.',
        'We go through the goals, the indicators and the latest matching results.',
      ),
      minutes: 10,
    },
    {
      id: 'indicators',
      kind: 'discuss',
      title: t('Mittarit ja tavoitteet', 'Indikatorer och mål', 'Indicators and goals'),
      prompt: t(
        'Mitkä mittarit ovat tavoitteessa ja mitkä vaarassa jäädä jälkeen? Kommentoi karttaa ja mittareita.',
        'Vilka indikatorer når målet och vilka riskerar att släpa efter? Kommentera kartan och indikatorerna.',
        'Which indicators are on track and which are at risk of falling behind? Comment on the map and the indicators.',
      ),
      minutes: 20,
    },
    {
      id: 'corrections',
      kind: 'propose',
      title: t('Korjaukset karttaan', 'Rättelser till kartan', 'Corrections to the map'),
      prompt: t(
        'Onko kartassa virheitä tai puutteita? Ehdota korjausta, puuttuvaa palvelua tai tarvetta.',
        'Finns det fel eller luckor på kartan? Föreslå en rättelse, en tjänst eller ett behov som saknas.',
        'Is anything on the map wrong or missing? Propose a correction, a missing service or a need.',
      ),
      minutes: 15,
    },
    {
      id: 'priorities',
      kind: 'vote',
      title: t('Painopisteet', 'Prioriteringar', 'Priorities'),
      prompt: t('Mihin tartumme ensimmäisenä?', 'Vad tar vi itu med först?', 'What do we tackle first?'),
      minutes: 10,
    },
    {
      id: 'decisions',
      kind: 'discuss',
      title: t('Päätökset ja vastuut', 'Beslut och ansvar', 'Decisions and owners'),
      prompt: t('Mitä päätämme, ja kuka vastaa mistäkin?', 'Vad beslutar vi, och vem ansvarar för vad?', 'What do we decide, and who owns what?'),
      minutes: 10,
    },
  ],
};

/** The statements of the knowledge-management mirror (tiedolla johtamisen peili), answered 1–5 for each organisation. */
export const MIRROR_QUESTIONS = [
  {
    id: 'goals-measurable',
    text: t('Tavoitteemme on kirjattu mitattaviksi mittareiksi.', 'Våra mål är formulerade som mätbara indikatorer.', 'Our goals are written down as measurable indicators.'),
  },
  {
    id: 'picture-current',
    text: t(
      'Meillä on ajantasainen tilannekuva palvelutarpeesta ja -tarjonnasta.',
      'Vi har en aktuell lägesbild av servicebehov och serviceutbud.',
      'We have a current situational picture of service needs and supply.',
    ),
  },
  {
    id: 'information-flows',
    text: t(
      'Tieto kulkee organisaatiorajojen yli sitä tarvitseville.',
      'Information når dem som behöver den, över organisationsgränserna.',
      'Information reaches those who need it, across organisational boundaries.',
    ),
  },
  {
    id: 'decisions-data',
    text: t('Päätöksissämme käytetään tietoa, ei vain kokemusta.', 'Våra beslut bygger på information, inte enbart på erfarenhet.', 'Our decisions draw on data, not only on experience.'),
  },
  {
    id: 'data-ownership',
    text: t('Tiedämme, kuka vastaa mistäkin tietovarannosta.', 'Vi vet vem som ansvarar för vilken informationsresurs.', 'We know who is responsible for each information resource.'),
  },
  {
    id: 'impact-followed',
    text: t(
      'Seuraamme toimenpiteiden vaikutuksia ja muutamme suuntaa niiden perusteella.',
      'Vi följer upp effekterna av våra åtgärder och ändrar kurs utifrån dem.',
      'We follow the impact of our actions and change course accordingly.',
    ),
  },
  {
    id: 'skills',
    text: t('Henkilöstöllämme on osaamista tiedon hyödyntämiseen.', 'Vår personal har kompetens att utnyttja information.', 'Our staff have the skills to make use of information.'),
  },
];

export const MIRROR_TEMPLATE: WorkshopTemplate = {
  id: 'builtin-mirror',
  builtIn: true,
  name: t('Tiedolla johtamisen peili: valmiuksien itsearviointi', 'Spegel för kunskapsbaserad ledning: självvärdering av beredskapen', 'Knowledge-management mirror: a readiness self-assessment'),
  description: t(
    'Osallistujat arvioivat organisaatioidensa valmiuksia asteikolla 1–5; tulokset tallentuvat tilannekuvaan kyselynä, jota voi verrata organisaatioiden välillä ja ajan yli.',
    'Deltagarna bedömer sina organisationers beredskap på skalan 1–5; resultaten sparas i lägesbilden som en enkät som kan jämföras mellan organisationer och över tid.',
    "Participants rate their organisations' readiness on a 1–5 scale; the results are saved in the situational picture as a survey that can be compared between organisations and over time.",
  ),
  steps: [
    {
      id: 'mirror-intro',
      kind: 'info',
      title: t('Johdanto', 'Inledning', 'Introduction'),
      prompt: t(
        'Arvioi omaa organisaatiotasi asteikolla 1–5 (1 = täysin eri mieltä, 5 = täysin samaa mieltä). Jos et osaa sanoa, valitse ”en osaa sanoa”. Vastaukset ovat nimettömiä.',
        'Bedöm din egen organisation på skalan 1–5 (1 = helt av annan åsikt, 5 = helt av samma åsikt). Om du inte vet, välj ”kan inte säga”. Svaren är anonyma.',
        "Rate your own organisation on a 1–5 scale (1 = strongly disagree, 5 = strongly agree). If you cannot say, choose “cannot say”. Answers are anonymous.",
      ),
      minutes: 5,
    },
    {
      id: 'mirror-assess',
      kind: 'assessment',
      title: t('Itsearviointi', 'Självvärdering', 'Self-assessment'),
      prompt: t('Valitse organisaatiosi ja vastaa jokaiseen väittämään.', 'Välj din organisation och svara på varje påstående.', 'Choose your organisation and answer each statement.'),
      minutes: 15,
      questions: MIRROR_QUESTIONS,
    },
    {
      id: 'mirror-results',
      kind: 'discuss',
      title: t('Tulosten tarkastelu', 'Genomgång av resultaten', 'Looking at the results'),
      prompt: t(
        'Missä organisaatioiden näkemykset eroavat toisistaan? Mistä ero voisi johtua?',
        'Var skiljer sig organisationernas syn åt? Vad kan skillnaden bero på?',
        'Where do the organisations see things differently? What could explain the difference?',
      ),
      minutes: 20,
    },
    {
      id: 'mirror-actions',
      kind: 'brainstorm',
      title: t('Kehittämiskohteet', 'Utvecklingsområden', 'What to improve'),
      prompt: t(
        'Mikä yksi asia parantaisi tiedolla johtamista eniten teidän organisaatiossanne?',
        'Vilken enskild sak skulle förbättra den kunskapsbaserade ledningen mest i er organisation?',
        'What one thing would most improve leading with information in your organisation?',
      ),
      minutes: 10,
    },
  ],
};

export const BUILT_IN_TEMPLATES: readonly WorkshopTemplate[] = [ECOSYSTEM_TEMPLATE, PICTURE_REVIEW_TEMPLATE, MIRROR_TEMPLATE];

/** A template's agenda in one language, as a running session holds it. */
export function agendaFromTemplate(template: WorkshopTemplate, lang: Language): AgendaStep[] {
  return template.steps.map((s) => ({
    id: s.id,
    kind: s.kind,
    title: pickText(s.title, lang).slice(0, 200),
    ...(s.prompt ? { prompt: pickText(s.prompt, lang).slice(0, 1000) } : {}),
    minutes: s.minutes,
    ...(s.questions ? { questions: s.questions.map((q) => ({ id: q.id, text: pickText(q.text, lang).slice(0, 1000) })) } : {}),
  }));
}

/** A running agenda saved as a template: its texts become the session language's (other languages left empty for the facilitator to add). */
export function templateFromAgenda(id: string, name: string, lang: Language, steps: readonly AgendaStep[]): WorkshopTemplate {
  const one = (s: string): LocalizedText => ({ [lang]: s });
  return {
    id,
    builtIn: false,
    name: one(name),
    steps: steps.map((s) => ({
      id: s.id,
      kind: s.kind,
      title: one(s.title),
      ...(s.prompt ? { prompt: one(s.prompt) } : {}),
      minutes: s.minutes,
      ...(s.questions ? { questions: s.questions.map((q) => ({ id: q.id, text: one(q.text) })) } : {}),
    })),
  };
}
