/**
 * Where the API key of a remote recommender is kept: never in the workspace. The desktop app
 * plugs in the OS keychain (Electron safeStorage, in the main process); browser mode keeps keys in
 * the server's memory until it stops; the CLI reads KOHTAANTO_REMOTE_KEY.
 */
import type { AppContext } from '../context';
import { codedError, said } from '../messages';

export interface SecretStore {
  readonly storage: 'keychain' | 'session' | 'environment';
  get(endpoint: string): string | undefined;
  set(endpoint: string, key: string): void;
  delete(endpoint: string): void;
}

/** Keys for as long as this process runs. */
export class MemorySecrets implements SecretStore {
  readonly storage = 'session' as const;
  private readonly keys = new Map<string, string>();
  get(endpoint: string) {
    return this.keys.get(endpoint);
  }
  set(endpoint: string, key: string) {
    this.keys.set(endpoint, key);
  }
  delete(endpoint: string) {
    this.keys.delete(endpoint);
  }
}

export const REMOTE_KEY_ENV = 'KOHTAANTO_REMOTE_KEY';

/** The command line's key: one environment variable, for whichever endpoint the command names. */
export class EnvSecrets implements SecretStore {
  readonly storage = 'environment' as const;
  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}
  get() {
    return this.env[REMOTE_KEY_ENV] || undefined;
  }
  set(): void {
    throw codedError('invalid_input', said('remote.keyFromEnv', { name: REMOTE_KEY_ENV }));
  }
  delete(): void {}
}

const stores = new WeakMap<AppContext, SecretStore>();

/** Sets where this context keeps keys (the desktop main process and the CLI do). */
export function setSecretStore(ctx: AppContext, store: SecretStore): void {
  stores.set(ctx, store);
}

/** This context's key store: the process's memory unless another was set. */
export function secretsOf(ctx: AppContext): SecretStore {
  let s = stores.get(ctx);
  if (!s) stores.set(ctx, (s = new MemorySecrets()));
  return s;
}
