import { AppContext, type ContextOptions } from './context';
import { entityHandlers } from './domains/entities';
import { workspaceHandlers } from './domains/workspace';
import { Registry } from './registry';

export { AppContext, defaultDataDir } from './context';
export { Registry } from './registry';

/** Builds the backend: one context and one registry serving every domain. */
export function createBackend(opts: ContextOptions): { ctx: AppContext; registry: Registry } {
  const ctx = new AppContext(opts);
  const registry = new Registry(ctx).register(workspaceHandlers).register(entityHandlers);
  return { ctx, registry };
}
