/**
 * A small hand-made workspace for the matching tests (API, e2e, screenshots), built through the
 * API so it is the same whatever the built-in example holds. What it shows:
 * - the need "Toimeentulo" is served by four services: three of two organisations and one with
 *   no provider (an overlap of 2 organisations + 1 service without a provider; with the best
 *   three per need counted as recommended, the fourth serves but is not "recommended");
 * - the Swedish speakers' grief need is served only by a service with no provider, so their
 *   counters to visit are one organisation and one service without a provider;
 * - one English-speaking persona aged 70–80 with an unmet need: a group of one;
 * - deleting `LINK_TO_CUT` takes the grief service away: the Swedish group's coverage falls,
 *   the Finnish group's stays at 100 % though it becomes flagged as the whole falls.
 */
import { METERS } from '../../../shared/model';

type Call = (method: string, input: unknown) => Promise<unknown>;

export const TRUTH = {
  kela: 'o-kela',
  oulu: 'o-oulu',
  money: 'n-toimeentulo',
  grief: 'n-suru',
  interpret: 'n-tulkkaus',
  kelaBasic: 's-kela-perus',
  kelaHousing: 's-kela-asumis',
  ouluSocial: 's-oulu-sosiaali',
  peer: 's-vertaistuki',
  sorg: 's-sorgegrupp',
  idle: 's-kaatuneet',
  personas: ['p-fi-1', 'p-fi-2', 'p-sv-1', 'p-sv-2', 'p-en-1'],
} as const;

const text = (fi: string, sv = fi, en = fi) => ({ fi, sv, en });

/** Builds the workspace in the open (empty) workspace; returns the id of the link whose removal lowers the Swedish group's coverage. */
export async function buildTruthWorkspace(call: Call): Promise<{ linkToCut: string }> {
  const entity = (e: Record<string, unknown>) => call('entities.create', { entity: e });
  const link = async (type: string, source: string, target: string, data: Record<string, unknown> = {}) =>
    (await call('links.create', { type, source, target, data })) as { id: string };
  await entity({ id: TRUTH.kela, kind: 'organisation', name: text('Kela', 'FPA', 'Kela') });
  await entity({ id: TRUTH.oulu, kind: 'organisation', name: text('Oulun kaupunki', 'Uleåborgs stad', 'City of Oulu') });
  await entity({ id: TRUTH.money, kind: 'need', name: text('Toimeentulo', 'Försörjning', 'Income') });
  await entity({ id: TRUTH.grief, kind: 'need', name: text('Surun käsittely', 'Sorgbearbetning', 'Coping with grief') });
  await entity({ id: TRUTH.interpret, kind: 'need', name: text('Tulkkaus', 'Tolkning', 'Interpreting') });
  const service = (id: string, name: ReturnType<typeof text>) => entity({ id, kind: 'service', name });
  await service(TRUTH.kelaBasic, text('Perustoimeentulotuki', 'Grundläggande utkomststöd', 'Basic social assistance'));
  await service(TRUTH.kelaHousing, text('Yleinen asumistuki', 'Allmänt bostadsbidrag', 'General housing allowance'));
  await service(TRUTH.ouluSocial, text('Aikuissosiaalityö', 'Socialt arbete för vuxna', 'Social work for adults'));
  await service(TRUTH.peer, text('Vertaistukiryhmä', 'Kamratstödsgrupp', 'Peer support group'));
  await service(TRUTH.sorg, text('Sorgegrupp', 'Sorgegrupp', 'Grief group'));
  await service(TRUTH.idle, text('Kaatuneiden omaisten tuki', 'Stöd för stupades anhöriga', 'Support for relatives of the fallen'));
  const persona = (id: string, fi: string, language: string, municipality: string, ageMin: number, ageMax: number, peoplePerYear: number) =>
    // Meters all at 10: the meters then lower no serve score, so every figure follows from the links.
    entity({ id, kind: 'persona', name: text(fi), language, municipality, ageMin, ageMax, peoplePerYear, meters: Object.fromEntries(METERS.map((m) => [m, 10])) });
  await persona(TRUTH.personas[0], 'Oululainen leski', 'fi', '564', 40, 55, 10);
  await persona(TRUTH.personas[1], 'Oululainen työtön', 'fi', '564', 30, 45, 10);
  await persona(TRUTH.personas[2], 'Helsingforsare i sorg', 'sv', '091', 35, 50, 10);
  await persona(TRUTH.personas[3], 'Helsingforsare utan arbete', 'sv', '091', 30, 40, 10);
  await persona(TRUTH.personas[4], 'Retired expat', 'en', '091', 70, 80, 5);
  await link('provides', TRUTH.kela, TRUTH.kelaBasic);
  await link('provides', TRUTH.kela, TRUTH.kelaHousing);
  await link('provides', TRUTH.oulu, TRUTH.ouluSocial);
  await link('provides', TRUTH.oulu, TRUTH.idle);
  for (const s of [TRUTH.kelaBasic, TRUTH.kelaHousing, TRUTH.ouluSocial, TRUTH.peer]) await link('addresses', s, TRUTH.money);
  const linkToCut = (await link('addresses', TRUTH.sorg, TRUTH.grief)).id;
  for (const p of TRUTH.personas.slice(0, 4)) await link('personaNeed', p, TRUTH.money, { importance: 3 });
  for (const p of TRUTH.personas.slice(2, 4)) await link('personaNeed', p, TRUTH.grief, { importance: 3 });
  await link('personaNeed', TRUTH.personas[4], TRUTH.interpret, { importance: 3 });
  return { linkToCut };
}
