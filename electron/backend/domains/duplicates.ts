import type { Handlers } from '../registry';
import { findDuplicates, mergeEntities } from '../io/duplicates';

export const duplicateHandlers: Handlers = {
  'duplicates.find': (ctx, input) => findDuplicates(ctx.requireWorkspace(), { kind: input.kind, ids: input.ids }),
  'duplicates.merge': (ctx, input) => mergeEntities(ctx.requireWorkspace(), input.keep, input.merge),
};
