/** The recommender's public API: build an index once per catalogue, then query, explain and evaluate. */
export { buildIndex, buildIndexSteps, buildSnapshot, catalogueSteps, type CataloguePart, DEFAULT_WEIGHTS, type BuildOptions, type RecommenderIndex } from './build';
export { snapshotOf, encodeSnapshot, decodeSnapshot, decodeSnapshotSteps, SNAPSHOT_VERSION, type IndexSnapshot } from './snapshot';
export { recommend, recommendAnswer, scoreOfPoints, personaQuery, eligibility, meterNeed, meterNeeds } from './recommend';
export { serviceAge, ageGroupsOfWord, AGE_GROUP_RANGES, type AgeGroup, type ServiceAge } from './age';
export { needRelevance, NEED_EVIDENCE } from './needs';
export { explain, explainSentences, explainNotes, t, METER_NAMES, STRINGS, type StringKey, type ExplainOptions } from './explain';
export {
  precisionAtK,
  recallAtK,
  ndcgAtK,
  reciprocalRank,
  rankingMetrics,
  evaluateRankings,
  type RankingMetrics,
  type EvaluationResult,
} from './metrics';
export { evaluatePersonas } from './evaluate';
export { suggestAffinities, type MeterSuggestion } from './suggest';
export { areaLookupFromTable, ALAND_MUNICIPALITIES, AGE_TARGET_GROUPS } from './area';
export { METER_PRIOR, codeUnder } from './prior';
export { fold, tokenize, stem } from './text';
export type { InferenceOptions } from './model';
export type * from './types';
