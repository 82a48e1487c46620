/**
 * Runs saved by an earlier version (format version 1) read as version 2, so old workspaces keep
 * their run history. What version 1 did not record is filled in with what it actually did.
 */
import { DEFAULT_MATCHING_PARAMS } from './analysis';
import type { MatchingParams, MatchingRun } from './types';

// A stored run of an older shape is read field by field, hence `any`.

/** Parameters of any saved version. Version 1 flagged groups of any size: a minimum of 1 says so. */
export function upgradeParams(params: any): MatchingParams {
  return { ...DEFAULT_MATCHING_PARAMS, equityMinPersonas: 1, ...params };
}

/** Version 1 named a service without a provider "service:<id>" among the organisations. */
const PSEUDO = 'service:';

/** A saved run of any version as the current shape. */
export function upgradeRun(run: any): MatchingRun {
  if (run?.version === 2) return run as MatchingRun;
  const split = (ids: string[]) => ({
    organisations: ids.filter((o) => !o.startsWith(PSEUDO)),
    noProvider: ids.filter((o) => o.startsWith(PSEUDO)).map((o) => o.slice(PSEUDO.length)),
  });
  const overlaps = (run.overlaps ?? []).map((o: any) => ({
    ...o,
    ...split(o.organisations ?? []),
    services: (o.services ?? []).map((s: any) => ({ ...s, organisations: split(s.organisations ?? []).organisations })),
  }));
  // Version 1 listed services not among the best few for anyone; those an overlap shows serving
  // a need did serve someone, so they are not listed as serving no one.
  const serving = new Set<string>(overlaps.flatMap((o: any) => o.services.map((s: any) => s.service)));
  const underUse = run.underUse ?? {};
  return {
    ...run,
    version: 2,
    params: upgradeParams(run.params),
    overlaps,
    counters: (run.counters ?? []).map((c: any) => ({ ...c, ...split(c.organisations ?? []) })),
    underUse: {
      unserved: (underUse.notRecommended ?? []).filter((s: string) => !serving.has(s)),
      servedTo: underUse.recommendedTo ?? [],
      capacity: underUse.capacity ?? [],
    },
    equity: (run.equity ?? []).map((d: any) => ({ ...d, groups: (d.groups ?? []).map((g: any) => ({ ...g, tooSmall: false })) })),
  } as MatchingRun;
}
