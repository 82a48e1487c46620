/**
 * The evidence rules of the built-in example (resources/examples/build-example.ts): when a real PTV
 * service addresses one of the example's needs. Kept apart from the generator so that the example's
 * test can re-evaluate them against the data. Pure: no node imports.
 *
 * Each need is defined the way a careful domain person would, before looking at what the rules give:
 * PTV service classes (Palveluluokitus) that mean the need, target groups where a word alone is too
 * broad, and Finnish word stems that name the need in a service's own text. The classes a service
 * carries and its text come only from the data (see ServiceRecord); nothing is added so that a need
 * gets a service.
 */

/**
 * One kind of evidence that a service addresses a need. Every condition a clause gives must hold:
 * - classes: one of the service's PTV service classes is one of these or under one of them;
 * - stems: the service's own Finnish text in the data (name, summary, description, PTV keywords and
 *   ontology terms) contains one of these stems, inside a word or a compound (case-insensitive);
 * - targetGroups: one of the service's PTV target groups is one of these.
 * A service addresses a need when any clause of the need's rule holds.
 */
export interface Clause {
  classes?: string[];
  stems?: string[];
  targetGroups?: string[];
}

/** What the rules may read of a service: its PTV classes and target groups and its own Finnish text. */
export interface ServiceRecord {
  classes: readonly string[];
  targetGroups: readonly string[];
  text: string;
}

export const NEED_RULES: Record<string, Clause[]> = {
  ohjaus: [
    // Services whose job is to find the right service: Ohjaamo, outreach youth work, youth information
    // and advice, citizen's advice, service counselling.
    { classes: ['P28.4', 'P28.5', 'P9.6'] },
    { stems: ['ohjaamo', 'etsiv', 'palveluohjau', 'kansalaisneuvon'] },
    // "Neuvonta" alone is any advice (tax, EURES); for young people as a target group it is youth advice.
    { stems: ['neuvonta'], targetGroups: ['KR1.3'] },
  ],
  opiskelupaikka: [
    { classes: ['P6.4', 'P6.5', 'P10.2'] },
    { stems: ['ammatinvalin', 'koulutusneuvon', 'koulutukseen hakeu', 'opinto-ohjau', 'yhteishau', 'jatkuva hak', 'uraohjau', 'opiskelupaik'] },
  ],
  'toinen-aste': [
    // Upper secondary education itself (where studies are completed or resumed) and drop-out prevention.
    { classes: ['P6.6', 'P6.8'] },
    { stems: ['lukio', 'ammatillinen koulutus', 'ammatillinen perus', 'keskeyt', 'opintojen jatk'] },
  ],
  tyo: [
    // Job search, jobs, the rules of working life, youth workshops, supported employment. Rehabilitative
    // work activity (P4.8) is not a job and is left out.
    { classes: ['P10.1', 'P10.3', 'P10.7', 'P28.3'] },
    { stems: ['työnha', 'työpaik', 'kesätyö', 'kesäduunar', 'työkokeil', 'työpaja', 'työllis', 'työsuhte', 'työelämä'] },
  ],
  toimeentulo: [
    { classes: ['P4.10', 'P6.14', 'P10.6', 'P1.4'] },
    { stems: ['toimeentulo', 'kelan tu', 'opintotu', 'asumistu', 'työttömyysturv', 'etuu', 'päiväraha'] },
  ],
  asunto: [
    { classes: ['P1.1', 'P1.4', 'P4.1'] },
    { stems: ['asunto', 'asunno', 'asumi', 'vuokra'] },
  ],
  mielenterveys: [
    // Student health care is the first contact for a student's mental health. P5.7 alone is not enough:
    // it holds substance-abuse services too, so a mental-health word must be in the text.
    { classes: ['P5.9'] },
    { stems: ['mielenterv', 'masenn', 'ahdistu', 'psykologipalv', 'kuraattor', 'terapi', 'keskusteluap'] },
  ],
  paihteet: [
    // Words only: the class P5.7 covers mental-health services as well.
    { stems: ['päihd', 'päiht', 'huume', 'alkoholi', 'riippuvuu'] },
  ],
  yksinaisyys: [
    { classes: ['P28.1', 'P28.2', 'P25.5', 'P25.7'] },
    { stems: ['nuorisotil', 'harrast', 'vapaa-aja', 'vertais', 'kohtaamispaik', 'yksinäi', 'kansalaisopist', 'työväenopist'] },
  ],
  talous: [
    { classes: ['P15.1', 'P15.3'] },
    { stems: ['velka', 'velat', 'velko', 'maksuhäiri', 'luotto', 'talouden hallin', 'talousneuvon', 'raha-asi', 'välitystil'] },
  ],
  verot: [
    { classes: ['P14.1'] },
    { stems: ['verokort', 'veroprosent', 'verohallin', 'vero.fi', 'verotu', 'omavero'] },
  ],
  kansainvalinen: [
    { classes: ['P22.2', 'P22.3', 'P22.6', 'P6.13', 'P28.7'] },
    { stems: ['kansainvälisty', 'ulkomail', 'ulkomaa', 'maahanmuut', 'euroopa', 'eures', 'kielikurs'] },
  ],
};

const under = (code: string, of: string) => code === of || code.startsWith(`${of}.`);

/** The words of `text` that contain `stem`, lower-cased (a phrase stem is quoted with its whole first and last word). */
export function wordsWith(text: string, stem: string): string[] {
  const lower = text.toLowerCase();
  const out: string[] = [];
  let at = lower.indexOf(stem);
  while (at >= 0) {
    let a = at;
    let b = at + stem.length;
    while (a > 0 && /[\p{L}\d-]/u.test(lower[a - 1])) a--;
    while (b < lower.length && /[\p{L}\d-]/u.test(lower[b])) b++;
    out.push(lower.slice(a, b));
    at = lower.indexOf(stem, b);
  }
  return out;
}

/**
 * The evidence of every clause of a rule that holds for the record, as
 * "class P5.7; words: mielenterveyspalvelut" (clauses joined by " | "), or null when none holds.
 */
export function needEvidence(rule: readonly Clause[], rec: ServiceRecord): string | null {
  const found: string[] = [];
  for (const c of rule) {
    const parts: string[] = [];
    if (c.classes) {
      const hit = rec.classes.filter((x) => c.classes!.some((y) => under(x, y)));
      if (!hit.length) continue;
      parts.push(`class ${hit.join(', ')}`);
    }
    if (c.stems) {
      const words = [...new Set(c.stems.flatMap((st) => wordsWith(rec.text, st)))];
      if (!words.length) continue;
      parts.push(`words: ${words.join(', ')}`);
    }
    if (c.targetGroups) {
      const hit = rec.targetGroups.filter((x) => c.targetGroups!.includes(x));
      if (!hit.length) continue;
      parts.push(`target group ${hit.join(', ')}`);
    }
    found.push(parts.join('; '));
  }
  return found.length ? [...new Set(found)].join(' | ') : null;
}
