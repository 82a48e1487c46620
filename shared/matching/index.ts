/** The matching analysis' public API: run it, compare two runs, describe the changes. */
export { runMatching, serves, serveScore, ageGroup, DEFAULT_MATCHING_PARAMS, type MatchingWorkspace, type MatchingOptions, MatchingMemo } from './analysis';
export { compareRuns, classifyChange, describeChange, COVERAGE_TOLERANCE, type RunChange, type RunComparison, type NameLookup } from './compare';
export { equityGroupName, type MunicipalityName } from './text';
export { upgradeParams, upgradeRun } from './upgrade';
export { minimumCover, type CoverCandidate, type CoverResult } from './setcover';
export type * from './types';
