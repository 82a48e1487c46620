import { AppContext, type ContextOptions } from './context';
import { canvasHandlers } from './domains/canvas';
import { courseHandlers } from './domains/course';
import { entityHandlers } from './domains/entities';
import { matchingHandlers } from './domains/matching';
import { pictureHandlers } from './domains/picture';
import { ioHandlers } from './domains/io';
import { duplicateHandlers } from './domains/duplicates';
import { remoteHandlers } from './domains/remote';
import { workspaceHandlers } from './domains/workspace';
import { workshopHandlers } from './domains/workshop';
import { Registry } from './registry';

export { AppContext, defaultDataDir } from './context';
export { Registry } from './registry';

/** Builds the backend: one context and one registry serving every domain. */
export function createBackend(opts: ContextOptions): { ctx: AppContext; registry: Registry } {
  const ctx = new AppContext(opts);
  const registry = new Registry(ctx).register(workspaceHandlers).register(entityHandlers).register(ioHandlers).register(canvasHandlers).register(matchingHandlers).register(pictureHandlers).register(duplicateHandlers).register(workshopHandlers).register(remoteHandlers).register(courseHandlers);
  return { ctx, registry };
}
