/** The matching analysis' public API: run it, compare two runs, describe the changes. */
export { runMatching, serveScore, ageGroup, DEFAULT_MATCHING_PARAMS, type MatchingWorkspace, type MatchingOptions } from './analysis';
export { compareRuns, describeChange, type RunChange, type RunComparison, type NameLookup } from './compare';
export { minimumCover, type CoverCandidate, type CoverResult } from './setcover';
export type * from './types';
