/**
 * Regression tests for issue 8, "Analysis that tells the truth" (recommendations): age from
 * target groups and the texts' own age words, no duplicates, life events as a weak hint, a
 * readable score, search words that match nothing, and explanations in the user's language.
 */
import { describe, expect, it } from 'vitest';
import { METERS, type MeterAffinities, type Meter } from '../model';
import { ageGroupsOfWord, buildIndex, explain, explainNotes, explainSentences, recommend, recommendAnswer, serviceAge, AGE_TARGET_GROUPS } from './index';
import { lifeEvent, link, meters, need, svc } from './testkit';

const lab = (...ms: Meter[]): MeterAffinities => Object.fromEntries(METERS.map((m) => [m, ms.includes(m) ? 1 : 0]));
const ids = (r: { serviceId: string }[]) => r.map((x) => x.serviceId);

describe('age: a 70-year-old is not offered children’s or school services', () => {
  // As in the imported PTV general descriptions: the catch-all "Citizens" (KR1) beside the group
  // that matters, or KR1 alone with the age only in the name.
  const services = [
    svc('childPsy', 'Lastenpsykiatrian päivystyspalvelut', { targetGroups: ['KR1', 'KR1.2'], meterAffinities: lab('health') }),
    svc('youthPsy', 'Nuorisopsykiatrian päivystyspalvelut', { targetGroups: ['KR1', 'KR1.3'], meterAffinities: lab('health') }),
    svc('schoolPsy', 'Koulu- ja opiskeluterveydenhuollon psykologian palvelut', { targetGroups: ['KR1'], meterAffinities: lab('health') }),
    svc('barn', 'Jourtjänster inom barnpsykiatrin', { name: { sv: 'Jourtjänster inom barnpsykiatrin' }, meterAffinities: lab('health') }),
    svc('psy', 'Psykiatrian päivystyspalvelut', { targetGroups: ['KR1'], meterAffinities: lab('health') }),
    svc('elderly', 'Ikäihmisten mielenterveyspalvelut', { meterAffinities: lab('health') }),
    svc('education', 'Aikuiskoulutus ja ammatillinen koulutus', { meterAffinities: lab('health') }),
    svc('ill', 'Lasten ja aikuisten pitkäaikaissairaiden kuntoutus', { targetGroups: ['KR1', 'KR1.4'], meterAffinities: lab('health') }),
    svc('neuvola', 'Lastenneuvola', { meterAffinities: lab('health') }),
  ];
  const index = buildIndex(services, []);
  const q = (ageMin: number, ageMax: number) => recommendAnswer(index, { meters: meters(10, { health: 0 }), filters: { ageMin, ageMax }, limit: 20, language: 'fi' });

  it('leaves out services whose target groups or names say they are for another age', () => {
    const a = q(70, 70);
    expect(ids(a.results).sort()).toEqual(['education', 'elderly', 'ill', 'psy']);
  });

  it('says which services it left out and why, in the user’s language', () => {
    const a = q(70, 70);
    const note = a.notes.find((n) => n.kind === 'ageExcluded');
    expect(note).toBeDefined();
    if (note?.kind !== 'ageExcluded') return;
    const by = new Map(note.services.map((s) => [s.serviceId, s]));
    expect([...by.keys()].sort()).toEqual(['barn', 'childPsy', 'neuvola', 'schoolPsy', 'youthPsy']);
    expect(by.get('childPsy')).toMatchObject({ source: 'targetGroups', groups: ['children'] });
    expect(by.get('schoolPsy')).toMatchObject({ source: 'words', words: ['koulu', 'opiskeluterveydenhuollon'] });
    const [fi] = explainNotes(a.notes, 'fi');
    expect(fi).toMatch(/^Listalta jätettiin pois 5 palvelua, jotka on tarkoitettu muun ikäisille kuin 70-vuotiaille: /);
    expect(fi).toContain('”Lastenpsykiatrian päivystyspalvelut” (lapset ja lapsiperheet, PTV-kohderyhmä)');
    expect(fi).toContain('(lapset ja lapsiperheet ja opiskelijat, päätelty sanasta ”koulu” ja ”opiskeluterveydenhuollon”)');
    const [sv] = explainNotes(a.notes, 'sv');
    expect(sv).toContain('”Jourtjänster inom barnpsykiatrin” (barn och barnfamiljer, härlett ur ordet ”barnpsykiatrin”)');
  });

  it('keeps children’s services for a parent’s age and young people’s for a young persona', () => {
    expect(ids(q(35, 35).results)).toEqual(expect.arrayContaining(['neuvola', 'childPsy', 'schoolPsy']));
    expect(ids(q(35, 35).results)).not.toContain('elderly');
    expect(ids(q(17, 17).results)).toEqual(expect.arrayContaining(['youthPsy', 'schoolPsy']));
  });

  it('reads age words in Finnish, Swedish and English, and not their look-alikes', () => {
    for (const w of ['lapsi', 'lapset', 'lasten', 'lastensuojelu', 'koululainen', 'barn', 'barnskyddet', 'children', 'child']) expect(ageGroupsOfWord(w), w).toEqual(['children']);
    for (const w of ['nuori', 'nuoret', 'nuorten', 'nuorisotyö', 'unga', 'ungdomar', 'youth', 'young']) expect(ageGroupsOfWord(w), w).toEqual(['young']);
    for (const w of ['ikääntyneet', 'ikäihmisten', 'vanhus', 'vanhusten', 'seniori', 'eläkeläiset', 'äldre', 'elderly', 'seniors']) expect(ageGroupsOfWord(w), w).toEqual(['older']);
    for (const w of ['opiskelija', 'opiskelijat', 'studerande', 'students']) expect(ageGroupsOfWord(w), w).toEqual(['students']);
    // Education, parents, roughly, a midwife and infertility are not age groups.
    for (const w of ['koulutus', 'koulutukseen', 'vanhemmat', 'vanhempainraha', 'ungefär', 'barnmorska', 'lapsettomuus', 'kidney']) expect(ageGroupsOfWord(w), w).toEqual([]);
  });

  it('takes target groups before words, and a group open to any age keeps the service open', () => {
    expect(serviceAge({ name: { fi: 'Lasten kuntoutus' }, targetGroups: ['KR1.1'], keywords: [] }, AGE_TARGET_GROUPS)?.ranges).toEqual([[63, 120]]);
    expect(serviceAge({ name: { fi: 'Lasten kuntoutus' }, targetGroups: ['KR1', 'KR1.4'], keywords: [] }, AGE_TARGET_GROUPS)).toBeNull();
    expect(serviceAge({ name: { fi: 'Nuorten aikuisten asumisneuvonta' }, targetGroups: [], keywords: [] }, AGE_TARGET_GROUPS)?.groups).toEqual(['young']);
  });
});

describe('no duplicates in a result list', () => {
  it('shows a service passed twice under one id once', () => {
    const s = svc('a', 'Velkaneuvonta', { meterAffinities: lab('finance') });
    const res = recommend(buildIndex([s, { ...s }, svc('b', 'Talousneuvonta', { meterAffinities: lab('finance') })], []), { meters: meters(10, { finance: 0 }) });
    expect(ids(res)).toEqual(['a', 'b']);
  });

  it('shows records of one service (same name, no provider, same area) once and lists the others', () => {
    // Four PTV general descriptions named "Lastenpsykiatrian päivystyspalvelut" are in the real data set.
    const services = [
      svc('gd-1', 'Lastenpsykiatrian päivystyspalvelut', { meterAffinities: lab('health') }),
      svc('gd-2', 'Lastenpsykiatrian päivystyspalvelut', { name: { fi: 'Lastenpsykiatrian päivystyspalvelut', sv: 'Jourtjänster inom barnpsykiatrin' }, meterAffinities: lab('health') }),
      svc('gd-3', 'Lastenpsykiatrian  päivystyspalvelut', { meterAffinities: lab('health') }),
      svc('other', 'Psykiatrian päivystyspalvelut', { meterAffinities: lab('health') }),
      svc('espoo', 'Kotihoito', { areaType: 'limited', areas: ['049'], meterAffinities: lab('health') }),
      svc('vantaa', 'Kotihoito', { areaType: 'limited', areas: ['092'], meterAffinities: lab('health') }),
    ];
    const index = buildIndex(services, []);
    const res = recommend(index, { meters: meters(10, { health: 0 }), limit: 10 });
    expect(ids(res)).toEqual(['espoo', 'gd-1', 'other', 'vantaa']);
    expect(res.find((r) => r.serviceId === 'gd-1')!.duplicates).toEqual(['gd-2', 'gd-3']);
    expect(new Set(ids(res)).size).toBe(res.length);
    // A Swedish user sees the record that has a Swedish name.
    const sv = recommend(index, { meters: meters(10, { health: 0 }), limit: 10, language: 'sv' });
    expect(ids(sv)).toEqual(['espoo', 'gd-2', 'other', 'vantaa']);
    expect(sv[1].duplicates).toEqual(['gd-1', 'gd-3']);
    // A short list is still filled after folding: the limit counts services, not records.
    expect(ids(recommend(index, { meters: meters(10, { health: 0 }), limit: 3 }))).toEqual(['espoo', 'gd-1', 'other']);
    // The same services by different providers (or none) are different services.
    const withOrgs = buildIndex(services, [link('provides', 'org-a', 'gd-1'), link('provides', 'org-b', 'gd-2')]);
    expect(ids(recommend(withOrgs, { meters: meters(10, { health: 0 }), limit: 10 }))).toEqual(['espoo', 'gd-1', 'gd-2', 'gd-3', 'other', 'vantaa']);
  });
});

describe('a shared life event is a weak hint, never a need met', () => {
  const services = [
    svc('sameEvent', 'Perunkirjoitus', { descFi: 'Perunkirjoitus tehdään kolmen kuukauden kuluessa kuolemasta.', lifeEvents: ['KE14'] }),
    svc('direct', 'Hautajaisjärjestelyt ja hautaustoimi', { descFi: 'Apua hautajaisten järjestämiseen.' }),
  ];
  const n = need('n-funeral', 'Hautajaisjärjestelyt', { keywords: ['hautajaiset', 'hautajaisjärjestelyt'], name: { fi: 'Hautajaisjärjestelyt', sv: 'Begravningsarrangemang', en: 'Funeral arrangements' } });
  const index = buildIndex(services, [link('hasNeed', 'le', 'n-funeral')], { needs: [n], lifeEvents: [lifeEvent('le', 'Läheisen kuolema', 'KE14')] });
  const res = recommend(index, { needs: [{ id: 'n-funeral', importance: 5 }], limit: 5 });
  const by = new Map(res.map((r) => [r.serviceId, r]));

  it('weighs much less than direct evidence', () => {
    // Before: the life event alone gave 0.3 points and outranked the service whose text names the need.
    expect(ids(res)).toEqual(['direct', 'sameEvent']);
    expect(by.get('sameEvent')!.points).toBeLessThanOrEqual(0.1);
    // A tenth of a link, an eighth of a shared class.
    const linked = buildIndex(services, [link('hasNeed', 'le', 'n-funeral'), link('addresses', 'direct', 'n-funeral')], { needs: [n], lifeEvents: [lifeEvent('le', 'Läheisen kuolema', 'KE14')] });
    const [top] = recommend(linked, { needs: [{ id: 'n-funeral', importance: 5 }], limit: 1 });
    expect(by.get('sameEvent')!.points).toBeLessThanOrEqual(top.points / 10);
  });

  it('is labelled a weak hint, without wording that says the service meets the need', () => {
    const en = explain(by.get('sameEvent')!.parts, 'en');
    expect(en).toContain('Same life event “Läheisen kuolema” as the need “Funeral arrangements” (weak hint');
    expect(en).not.toMatch(/importance 5\/5/);
    expect(explain(by.get('sameEvent')!.parts, 'fi')).toContain('(heikko vihje');
    expect(explain(by.get('sameEvent')!.parts, 'sv')).toContain('(svag ledtråd');
  });
});

describe('a score a user can read', () => {
  it('stays within 0–1 however many reasons add up, and keeps the order of the points', () => {
    const s = svc('all', 'Kaikki', { meterAffinities: lab(...METERS) });
    const other = svc('one', 'Yksi', { meterAffinities: lab('housing') });
    const n1 = need('n1', 'Asunto');
    const n2 = need('n2', 'Raha');
    const index = buildIndex([s, other], [link('addresses', 'all', 'n1'), link('addresses', 'all', 'n2')], { needs: [n1, n2] });
    const res = recommend(index, { meters: meters(0), needs: [{ id: 'n1', importance: 5 }, { id: 'n2', importance: 5 }], text: 'kaikki' });
    expect(res[0].points).toBeGreaterThan(3);
    for (const r of res) {
      expect(r.score).toBeGreaterThan(0);
      expect(r.score).toBeLessThan(1);
      expect(r.score).toBeCloseTo(1 - Math.exp(-r.points), 5);
    }
    expect(res[0].score).toBeGreaterThan(res[1].score);
  });
});

describe('free text that matches nothing says so; text that matches changes the ranking', () => {
  const base = [
    svc('debt', 'Velkaneuvonta', { meterAffinities: lab('finance') }),
    svc('income', 'Toimeentulotuki', { meterAffinities: lab('finance') }),
  ];
  const q = { meters: meters(10, { finance: 2 }), language: 'fi' as const };

  it('says a word matched no service text and leaves the list as it was', () => {
    const index = buildIndex(base, []);
    const without = recommendAnswer(index, q);
    const withText = recommendAnswer(index, { ...q, text: 'hautajaiset' });
    expect(withText.results).toEqual(without.results);
    expect(withText.notes).toEqual([{ kind: 'textUnmatched', words: ['hautajaiset'] }]);
    expect(explainNotes(withText.notes, 'fi')).toEqual(['Hakusana ”hautajaiset” ei osunut yhdenkään palvelun tekstiin, joten se ei vaikuttanut tuloksiin.']);
    expect(explainNotes(withText.notes, 'sv')[0]).toBe('Sökordet ”hautajaiset” träffade ingen tjänsts text, så det påverkade inte resultatet.');
  });

  it('finds inflected forms and compounds of "hautajaiset", ranks them first, and names the matched word', () => {
    const index = buildIndex(
      [
        ...base,
        svc('grant', 'Hautajaisavustus', { descFi: 'Avustus hautajaisten kuluihin.' }),
        svc('arr', 'Hautajaisjärjestelyt'),
        svc('inflected', 'Muistotilaisuuden tilat', { descFi: 'Tiloja hautajaisiin ja muistotilaisuuksiin.' }),
        svc('dash', 'Kukka- ja hautajais- ja muistopalvelut'),
      ],
      [],
    );
    const before = recommendAnswer(index, q);
    const a = recommendAnswer(index, { ...q, text: 'hautajaiset' });
    expect(a.notes).toEqual([]);
    // Every form is found: the compound, the inflected "hautajaisiin", the hyphenated "hautajais-".
    for (const id of ['arr', 'dash', 'grant', 'inflected']) {
      const r = a.results.find((x) => x.serviceId === id);
      expect(r, id).toBeDefined();
      expect(r!.parts.find((p) => p.kind === 'text'), id).toMatchObject({ words: ['hautajaiset'] });
      expect(explainSentences(r!.parts, 'fi'), id).toContain('Hakusanat osuivat palvelun tekstiin: hautajaiset.');
    }
    // And the ranking changes: a service named for funerals now comes before the meter's own debt advice.
    expect(ids(before.results)[0]).toBe('debt');
    expect(ids(a.results)[0]).toBe('grant');
    // Of two words, the one that matched affects the ranking and the other is reported.
    const two = recommendAnswer(index, { ...q, text: 'hautajaiset purjelento' });
    expect(two.notes).toEqual([{ kind: 'textUnmatched', words: ['purjelento'] }]);
  });
});

describe('explanations quote words in the user’s language', () => {
  // Unlabelled, so the family meter is inferred from the words.
  const both = svc('both', 'Lastensuojelu', {
    name: { fi: 'Lastensuojelu', sv: 'Barnskydd', en: 'Child welfare' },
    description: { fi: 'Lastensuojelu tukee lapsia ja perheitä.', sv: 'Barnskyddet stöder barn och familjer.', en: 'Child welfare supports children and families.' },
  });
  const svOnly = svc('svOnly', 'Familjerådgivning', { name: { sv: 'Familjerådgivning' }, description: { sv: 'Stöd för föräldrar och barn i familjen.' } });
  const index = buildIndex([both, svOnly, svc('x', 'Rakennuslupa')], []);
  const q = (language: 'fi' | 'sv' | 'en') => recommend(index, { meters: meters(10, { family: 0 }), language, limit: 5 });
  const meterPart = (r: ReturnType<typeof q>, id: string) => r.find((x) => x.serviceId === id)!.parts.find((p) => p.kind === 'meter')!;

  it('quotes only the words of the text in the user’s language', () => {
    const fi = meterPart(q('fi'), 'both');
    expect(fi).toMatchObject({ kind: 'meter', source: 'inferred' });
    if (fi.kind !== 'meter') return;
    expect(fi.words.length).toBeGreaterThan(0);
    for (const w of fi.words) expect(['lastensuojelu', 'lapsia', 'perheitä', 'tukee']).toContain(w);
    expect(fi.wordsLanguage).toBeUndefined();
    const sv = meterPart(q('sv'), 'both');
    if (sv.kind !== 'meter') return;
    for (const w of sv.words) expect(['barnskydd', 'barnskyddet', 'barn', 'familjer', 'stöder']).toContain(w);
  });

  it('falls back to another language only when the service has no text in the user’s, and says which', () => {
    const fi = meterPart(q('fi'), 'svOnly');
    if (fi.kind !== 'meter') throw new Error('no meter part');
    expect(fi.wordsLanguage).toBe('sv');
    const sentence = explainSentences([fi], 'fi')[0];
    expect(sentence).toContain('päätelty ruotsinkielisistä sanoista, koska palvelulla ei ole suomenkielistä tekstiä:');
    expect(explainSentences([fi], 'en')[0]).toContain('inferred from the Swedish words, as the service has no English text:');
  });

  it('quotes the need’s words in the user’s language', () => {
    const n = need('n', 'Lasten tuki', { name: { fi: 'Lastensuojelu', sv: 'Barnskydd' } });
    const ix = buildIndex([both], [], { needs: [n] });
    const [r] = recommend(ix, { needs: [{ id: 'n', importance: 3 }], language: 'sv' });
    expect(explain(r.parts, 'sv')).toMatch(/nyckelord för behovet ”Barnskydd”: ”barnskydd”/);
    expect(explain(r.parts, 'fi')).toMatch(/avainsanoja: ”lastensuojelu”/);
  });
});
