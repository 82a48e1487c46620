/** Evaluates the recommender on a workspace's personas that list the services they expect. */
import type { Link, Persona } from '../model';
import type { RecommenderIndex } from './build';
import { evaluateRankings, type EvaluationResult } from './metrics';
import { personaQuery, recommend } from './recommend';

/** Recommends top-k for each persona with expectedServices and scores the lists with precision, recall, nDCG and MRR. */
export function evaluatePersonas(
  index: RecommenderIndex,
  personas: readonly Persona[],
  links: readonly Link[],
  k = 10,
): EvaluationResult {
  const cases = [...personas]
    .filter((p) => p.expectedServices?.length)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((p) => ({
      id: p.id,
      // Uncollapsed: a persona may expect any record of a service, and the ranking itself is what is scored.
      ranked: recommend(index, { ...personaQuery(p, links), limit: k, explain: false, collapseDuplicates: false }).map((r) => r.serviceId),
      relevant: p.expectedServices,
    }));
  return evaluateRankings(cases, k);
}
