import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { OptionalTextSchema } from '../../shared/model';
import type { ApiEvents, EventName } from '../../shared/api/contract';
import type { Workspace } from './store/workspace';
import { codedError, said } from './messages';

const SettingsSchema = z.object({
  firstRunDone: z.boolean().default(false),
  lastOpened: z.string().optional(),
  recent: z
    .array(z.object({ path: z.string(), title: OptionalTextSchema.default({}), openedAt: z.string() }))
    .default([]),
});
export type Settings = z.infer<typeof SettingsSchema>;

export interface ContextOptions {
  /** Folder for settings and the user's workspaces (Electron: userData; CLI/browser: ~/.config/kohtaanto). */
  dataDir: string;
  mode: 'desktop' | 'browser';
  /** better-sqlite3 native module built for Electron's ABI, when running inside Electron. */
  nativeBinding?: string;
  now?: () => Date;
  /** Names this program in the lock of the workspace it opens (e.g. "kohtaanto serve"), for anyone else who tries to open it. */
  owner?: string;
}

type Listener = <E extends EventName>(event: E, payload: ApiEvents[E]) => void;

/** Everything a service function may touch: the open workspace, user settings, and event fan-out. */
export class AppContext {
  workspace: Workspace | null = null;
  readonly dataDir: string;
  readonly workspacesDir: string;
  readonly mode: 'desktop' | 'browser';
  readonly nativeBinding?: string;
  readonly now: () => Date;
  readonly owner: string;
  private readonly listeners = new Set<Listener>();
  private readonly beforeClose = new Set<(ws: Workspace) => void>();

  constructor(opts: ContextOptions) {
    this.dataDir = opts.dataDir;
    this.workspacesDir = path.join(opts.dataDir, 'workspaces');
    this.mode = opts.mode;
    this.nativeBinding = opts.nativeBinding;
    this.now = opts.now ?? (() => new Date());
    this.owner = opts.owner ?? (opts.mode === 'desktop' ? 'the Kohtaanto app' : 'Kohtaanto in browser mode');
    fs.mkdirSync(this.workspacesDir, { recursive: true });
  }

  requireWorkspace(): Workspace {
    if (!this.workspace) throw codedError('no_workspace', said('file.noneOpen'));
    return this.workspace;
  }

  // ---- settings: a small JSON file, rewritten atomically ----

  private get settingsFile(): string {
    return path.join(this.dataDir, 'settings.json');
  }

  readSettings(): Settings {
    try {
      return SettingsSchema.parse(JSON.parse(fs.readFileSync(this.settingsFile, 'utf8')));
    } catch {
      // Missing or unreadable settings only cost the recent list; never block start-up.
      return SettingsSchema.parse({});
    }
  }

  writeSettings(s: Settings): void {
    const tmp = `${this.settingsFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(s, null, 2));
    fs.renameSync(tmp, this.settingsFile);
  }

  // ---- events ----

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls `fn` after every successful change to the workspace, with the method that made it. */
  onChange(fn: (method: string) => void): () => void {
    return this.subscribe((event, payload) => {
      if (event === 'workspace.changed') fn((payload as ApiEvents['workspace.changed']).method);
    });
  }

  emit<E extends EventName>(event: E, payload: ApiEvents[E]): void {
    for (const l of this.listeners) l(event, payload);
  }

  /** Runs `fn` with the open workspace just before it is closed or switched (a workshop session saves its record there). */
  onBeforeClose(fn: (ws: Workspace) => void): () => void {
    this.beforeClose.add(fn);
    return () => this.beforeClose.delete(fn);
  }

  close(): void {
    if (this.workspace) {
      for (const fn of [...this.beforeClose]) {
        try {
          fn(this.workspace);
        } catch (err) {
          // Closing must not fail because of a listener; the workspace still closes cleanly.
          console.error('[kohtaanto] before-close hook failed:', err);
        }
      }
    }
    this.workspace?.close();
    this.workspace = null;
  }
}

/** Where settings and workspaces live outside Electron (CLI and browser mode). */
export function defaultDataDir(): string {
  if (process.env.KOHTAANTO_DATA_DIR) return path.resolve(process.env.KOHTAANTO_DATA_DIR);
  if (process.platform === 'win32' && process.env.APPDATA) return path.join(process.env.APPDATA, 'Kohtaanto');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Kohtaanto');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'kohtaanto');
}
