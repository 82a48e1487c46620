/** The recommender's build options from the bundled code lists and the workspace's entities, the same on every thread and in the renderer. */
import type { RecommenderCodes } from '../../../shared/api/matching';
import type { Entity, LifeEvent, Need } from '../../../shared/model';
import { areaLookupFromTable, type BuildOptions } from '../../../shared/recommender';

/** What a worker needs of the code lists to build the same index as the main thread (functions do not cross threads). */
export type CodesForBuild = Pick<RecommenderCodes, 'areaTable' | 'ignoreWords'>;

/** The build options both sides use, so the renderer's index equals this one. */
export function buildOptionsFrom(codes: CodesForBuild, entities: readonly Entity[]): BuildOptions & { inference: { ignoreWords: string[] } } {
  return {
    needs: entities.filter((e): e is Need => e.kind === 'need'),
    lifeEvents: entities.filter((e): e is LifeEvent => e.kind === 'lifeEvent'),
    areaLookup: areaLookupFromTable(codes.areaTable),
    inference: { ignoreWords: codes.ignoreWords },
  };
}
