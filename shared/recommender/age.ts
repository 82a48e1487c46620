/**
 * The age a service is meant for, from its PTV target groups or, where those say nothing about
 * age, from the age words in its own name and keywords (Finnish, Swedish, English). Many PTV
 * records carry only the catch-all "Citizens" (KR1), or KR1 beside the group that really
 * matters, so without the words a 70-year-old would be offered children's psychiatry.
 */
import type { Service } from '../model';
import { codeUnder } from './prior';
import { tokenize } from './text';

export type AgeRange = readonly [number, number];

/** The age groups a service's words can name; each has the range the PTV group of the same name implies. */
export type AgeGroup = 'children' | 'young' | 'students' | 'adults' | 'older';

/**
 * Ranges of the groups. Children's services reach up to working age because parents use them on
 * their children's behalf (as PTV's own "children and families with children", KR1.2); students
 * are taken as 15–64, since adult students are common but a pensioner's needs are not student
 * services; "older people" starts at 63, the lowest old-age pension age.
 */
export const AGE_GROUP_RANGES: Readonly<Record<AgeGroup, AgeRange>> = {
  children: [0, 64],
  young: [13, 29],
  students: [15, 64],
  adults: [18, 120],
  older: [63, 120],
};

/**
 * Word starts (folded) that name an age group. A word counts when it starts with one of these,
 * so inflected forms and compounds that begin with the word count too (lasten → lastenpsykiatria,
 * barn → barnskyddet). Chosen so that look-alikes do not count: "koulutus" (education, any age)
 * is not "koulu" (school), "vanhemmat" (parents) is not "vanhus" (old person), "ungefär" is not "ung".
 */
const WORDS: Record<AgeGroup, { starts: string[]; exact?: string[]; not?: string[] }> = {
  children: {
    starts: [
      'lapsi', 'lapse', 'lapset', 'lasten', 'lapsiperhe', 'lapsuu', 'vauva', 'imeväi', 'koululai', 'kouluterv', 'koulupsyk',
      'koulukuraat', 'koulukulj', 'kouluruok', 'oppilas', 'oppilai', 'oppilashuol', 'perusopetu', 'esiopetu', 'varhaiskasv',
      'päiväkod', 'neuvola',
      'barn', 'spädbarn', 'småbarn', 'skolelev', 'elev', 'skolhälso', 'skolkurator', 'skolpsykolog', 'förskol', 'daghem',
      'child', 'infant', 'baby', 'babies', 'pupil', 'kindergarten', 'preschool', 'daycare',
    ],
    exact: ['koulu', 'skola', 'skol', 'school', 'kid', 'kids'],
    // A midwife serves the mother; infertility treatment serves adults without children.
    not: ['barnmorsk', 'lapsettom', 'barnlös', 'childless'],
  },
  young: {
    starts: ['nuori', 'nuore', 'nuoret', 'nuorten', 'nuoriso', 'nuorill', 'nuoria', 'ungdom', 'unga', 'youth', 'adolescen', 'teen'],
    exact: ['ung', 'unge', 'young'],
  },
  students: {
    starts: ['opiskelij', 'opiskeluterv', 'opiskelijaterv', 'studerand', 'studenthälso', 'student'],
  },
  adults: {
    starts: ['aikuis', 'vuxen', 'vuxna', 'adult'],
  },
  older: {
    starts: [
      'ikääntyn', 'ikäänty', 'ikäihmi', 'vanhus', 'vanhuk', 'vanhusp', 'seniori', 'eläkeläi', 'ikäänt',
      'äldre', 'åldring', 'senior', 'pensionär',
      'elderly', 'older', 'aged', 'pensioner', 'retiree',
    ],
  },
};

/** The age groups of the PTV target groups, to name them in explanations as the word-based ones are named. */
const CODE_GROUPS: Readonly<Record<string, AgeGroup>> = { 'KR1.1': 'older', 'KR1.2': 'children', 'KR1.3': 'young' };

const cache = new Map<string, AgeGroup[]>();

/** The age groups a folded word names (usually none). */
export function ageGroupsOfWord(token: string): AgeGroup[] {
  let out = cache.get(token);
  if (out) return out;
  out = [];
  for (const [group, w] of Object.entries(WORDS) as [AgeGroup, (typeof WORDS)[AgeGroup]][]) {
    if (w.not?.some((x) => token.startsWith(x))) continue;
    if (w.exact?.includes(token) || w.starts.some((s) => token.startsWith(s))) out.push(group);
  }
  if (cache.size > 50_000) cache.clear();
  cache.set(token, out);
  return out;
}

/** Where an age range came from, for the explanation: PTV target groups, or words of the service's text. */
export interface ServiceAge {
  ranges: AgeRange[];
  source: 'targetGroups' | 'words';
  /** Target-group codes or the words that set the range. */
  evidence: string[];
  groups: AgeGroup[];
}

/**
 * Age ranges a service's PTV target groups admit: null = no age limit (no citizen group, all
 * citizens only, or a group not defined by age such as long-term ill). The catch-all KR1 beside a
 * sub-group is PTV's way of listing the sub-group's parent, so the sub-group decides.
 */
export function ageRangesOfGroups(targetGroups: readonly string[], table: Readonly<Record<string, AgeRange>>): { ranges: AgeRange[]; codes: string[] } | null {
  const citizen = targetGroups.filter((tg) => codeUnder(tg, 'KR1'));
  const specific = citizen.filter((tg) => tg !== 'KR1');
  if (!specific.length) return null;
  const ranges: AgeRange[] = [];
  for (const tg of specific) {
    const key = Object.keys(table).find((k) => codeUnder(tg, k));
    // A group open to any age (long-term ill, disabled, expatriates) opens the service to any age.
    if (!key) return null;
    ranges.push(table[key]);
  }
  return { ranges, codes: [...new Set(specific)].sort() };
}

/** Age ranges named by the words of a service's names (any language) and keywords; null when none names an age. */
export function ageRangesOfWords(service: Pick<Service, 'name' | 'keywords'>): { ranges: AgeRange[]; words: string[]; groups: AgeGroup[] } | null {
  const groups = new Set<AgeGroup>();
  const words: string[] = [];
  const texts = [...Object.values(service.name ?? {}), ...(service.keywords ?? [])];
  for (const text of texts) {
    if (!text) continue;
    const tokens = tokenize(text);
    for (let k = 0; k < tokens.length; k++) {
      const g = ageGroupsOfWord(tokens[k]);
      if (!g.length) continue;
      // "Nuorten aikuisten", "unga vuxna", "young adults": the adult word only qualifies the young one.
      if (g.includes('adults') && k > 0 && ageGroupsOfWord(tokens[k - 1]).includes('young')) continue;
      for (const x of g) groups.add(x);
      if (!words.includes(tokens[k])) words.push(tokens[k]);
    }
  }
  if (!groups.size) return null;
  const list = [...groups].sort();
  return { ranges: list.map((g) => AGE_GROUP_RANGES[g]), words, groups: list };
}

/** The age a service is for: its PTV target groups when they limit age, otherwise its own age words; null = any age. */
export function serviceAge(service: Pick<Service, 'name' | 'keywords' | 'targetGroups'>, table: Readonly<Record<string, AgeRange>>): ServiceAge | null {
  const groups = service.targetGroups ?? [];
  const citizen = groups.filter((tg) => codeUnder(tg, 'KR1'));
  // Target groups that name no citizens at all (businesses, authorities): no persona's age fits.
  if (groups.length && !citizen.length) return { ranges: [], source: 'targetGroups', evidence: [...groups].sort(), groups: [] };
  const byCode = ageRangesOfGroups(groups, table);
  if (byCode) {
    const named = byCode.codes.map((c) => Object.entries(CODE_GROUPS).find(([k]) => codeUnder(c, k))?.[1]).filter((g): g is AgeGroup => !!g);
    return { ranges: byCode.ranges, source: 'targetGroups', evidence: byCode.codes, groups: [...new Set(named)].sort() };
  }
  // Codes saying "any age" on purpose (a long-term-ill group) are not overridden by words.
  if (citizen.some((tg) => tg !== 'KR1')) return null;
  const byWords = ageRangesOfWords(service);
  if (byWords) return { ranges: byWords.ranges, source: 'words', evidence: byWords.words, groups: byWords.groups };
  return null;
}

/** Whether an age range overlaps any of the admitted ranges. */
export function ageAdmitted(age: ServiceAge | null, ageMin: number, ageMax: number): boolean {
  if (age === null) return true;
  return age.ranges.some(([lo, hi]) => ageMin <= hi && ageMax >= lo);
}
