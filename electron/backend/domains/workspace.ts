import fs from 'node:fs';
import path from 'node:path';
import type { ExampleId, RecentEntry, WorkspaceInfo } from '../../../shared/api/contract';
import { pickText, type OptionalText, type WorkspaceJson } from '../../../shared/model';
import { ExampleJsonSchema, type ExampleJson } from '../../../shared/picture';
import type { AppContext } from '../context';
import type { Handlers } from '../registry';
import { EXAMPLE_FILES, resourcesDir } from '../resources';
import { checkPath } from '../store/open';
import { Workspace } from '../store/workspace';
import { codedError, said } from '../messages';
import { prepareRecommender } from '../recommender/cache';

export const WORKSPACE_EXT = '.kohtaanto';
const RECENT_LIMIT = 12;

function info(ws: Workspace): WorkspaceInfo {
  return { path: ws.path, title: ws.getTitle(), schemaVersion: ws.schemaVersion(), readOnly: ws.readOnly };
}

/** Reads a bundled example (validated like any other input, so a broken bundle fails loudly). */
export function loadExample(id: ExampleId = 'nuoret'): ExampleJson {
  const file = path.join(resourcesDir(), EXAMPLE_FILES[id]);
  return ExampleJsonSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

/** Writes a whole workspace document (and a situational picture, if it has one) into an empty workspace as its starting state (not undoable). */
export function seedWorkspace(ws: Workspace, doc: WorkspaceJson): void {
  ws.edit(
    'Seed',
    (tx) => {
      for (const e of doc.entities) tx.putEntity(e);
      for (const l of doc.links) tx.putLink(l);
      for (const item of doc.picture?.items ?? []) tx.putItem(item);
      const review = ws.db.prepare('INSERT INTO picture_reviews (id, label, created_at, summary, items) VALUES (?, ?, ?, ?, ?)');
      for (const r of doc.picture?.reviews ?? []) review.run(r.id, r.label, r.createdAt, JSON.stringify(r.summary), JSON.stringify(r.items));
    },
    { undoable: false },
  );
  ws.setTitle(doc.title);
}

function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9 _-]/g, '')
    .trim()
    .replace(/\s+/g, '-');
  return s || 'workspace';
}

/** A file name in the workspaces folder that does not exist yet. */
function freePath(dir: string, base: string): string {
  let candidate = path.join(dir, `${base}${WORKSPACE_EXT}`);
  for (let i = 2; fs.existsSync(candidate); i++) candidate = path.join(dir, `${base}-${i}${WORKSPACE_EXT}`);
  return candidate;
}

function remember(ctx: AppContext, ws: Workspace): void {
  const s = ctx.readSettings();
  const abs = path.resolve(ws.path);
  s.recent = [{ path: abs, title: ws.getTitle(), openedAt: ctx.now().toISOString() }, ...s.recent.filter((r) => r.path !== abs)].slice(0, RECENT_LIMIT);
  s.lastOpened = abs;
  s.firstRunDone = true;
  ctx.writeSettings(s);
}

function switchTo(ctx: AppContext, ws: Workspace): WorkspaceInfo {
  ctx.close();
  ctx.workspace = ws;
  remember(ctx, ws);
  prepareRecommender(ws);
  return info(ws);
}

/** Creates a workspace file (optionally holding the example) and returns it open; refuses to overwrite. */
export function createWorkspaceFile(ctx: AppContext, opts: { path?: string; name?: string; example?: boolean | ExampleId }): Workspace {
  if (opts.path !== undefined) checkPath(opts.path);
  const example = opts.example ? loadExample(opts.example === true ? 'nuoret' : opts.example) : undefined;
  const title: OptionalText = example?.title ?? (opts.name ? { fi: opts.name, sv: opts.name, en: opts.name } : {});
  const file = createTarget(ctx, opts, title);
  const ws = Workspace.open(file, { create: 'new', nativeBinding: ctx.nativeBinding, now: ctx.now, owner: ctx.owner });
  try {
    if (example) seedWorkspace(ws, example);
    else ws.setTitle(title);
    return ws;
  } catch (err) {
    // A half-made file must not be left behind to be opened later.
    ws.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    throw err;
  }
}

/** The file workspace.create would make: the given path, or a free name in the workspaces folder. */
function createTarget(ctx: AppContext, opts: { path?: string; name?: string }, title: OptionalText = {}): string {
  const file = targetPath(ctx, opts, title);
  if (fs.existsSync(file)) throw codedError('conflict', said('file.exists', { file }));
  return file;
}

function targetPath(ctx: AppContext, opts: { path?: string; name?: string }, title: OptionalText = {}): string {
  const file = opts.path ? path.resolve(opts.path) : freePath(ctx.workspacesDir, slug(opts.name ?? pickText(title, 'fi') ?? 'workspace'));
  return file.endsWith(WORKSPACE_EXT) ? file : file + WORKSPACE_EXT;
}

export function openWorkspaceFile(ctx: AppContext, file: string, opts: { readOnly?: boolean } = {}): Workspace {
  checkPath(file);
  return Workspace.open(path.resolve(file), { nativeBinding: ctx.nativeBinding, now: ctx.now, owner: ctx.owner, readOnly: opts.readOnly });
}

/**
 * Opens FILE as the app's workspace and puts it on the recent list, for trusted callers only
 * (the command line's `serve FILE`): the API's workspace.open checks where paths lead.
 */
export function openAsCurrent(ctx: AppContext, file: string): WorkspaceInfo {
  return switchTo(ctx, openWorkspaceFile(ctx, file));
}

/** The path with symlinks resolved, also for a file that does not exist yet (its nearest existing folder is resolved). */
function realish(file: string): string {
  const abs = path.resolve(file);
  let dir = abs;
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(dir), ...rest);
    } catch {
      const up = path.dirname(dir);
      if (up === dir) return abs;
      rest.unshift(path.basename(dir));
      dir = up;
    }
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

/**
 * In browser mode any page the user visits could try to drive the local API, so a path from the
 * API may only lead into the workspaces folder or to a file on the recent list. The desktop app
 * takes paths from its own file dialogs, and the command line is the user's own.
 */
function allowApiPath(ctx: AppContext, file: string): void {
  if (ctx.mode !== 'browser') return;
  checkPath(file);
  const real = realish(file);
  if (isInside(real, realish(ctx.workspacesDir))) return;
  if (ctx.readSettings().recent.some((r) => realish(r.path) === real)) return;
  throw codedError('invalid_input', said('file.outsideWorkspaces', { dir: ctx.workspacesDir, file }), {
    details: { reason: 'path.outsideWorkspaces', workspacesDir: ctx.workspacesDir },
  });
}

function sameFile(a: string, b: string): boolean {
  return realish(a) === realish(b);
}

/**
 * What the app opens at start: the last workspace if it still opens, otherwise on first run a
 * fresh copy of the example in the user's folder (the bundled original is never written).
 */
export function openAtStart(ctx: AppContext): void {
  const s = ctx.readSettings();
  if (s.lastOpened && fs.existsSync(s.lastOpened)) {
    try {
      switchTo(ctx, openWorkspaceFile(ctx, s.lastOpened));
      return;
    } catch (err) {
      console.error(`[kohtaanto] could not reopen ${s.lastOpened}: ${(err as Error).message}`);
    }
  }
  if (!s.firstRunDone) {
    try {
      switchTo(ctx, createWorkspaceFile(ctx, { example: true }));
    } catch (err) {
      // The start screen still lets the user create or open a workspace.
      console.error(`[kohtaanto] could not create the example workspace: ${(err as Error).message}`);
    }
  }
}

export const workspaceHandlers: Handlers = {
  'app.info': (ctx) => ({ version: '0.1.0', mode: ctx.mode, workspacesDir: ctx.workspacesDir }),
  'workspace.current': (ctx) => (ctx.workspace ? info(ctx.workspace) : null),
  'workspace.create': (ctx, input) => {
    // Checked before anything else, so a refused path does not even tell whether a file is there.
    if (input.path !== undefined) allowApiPath(ctx, targetPath(ctx, input));
    return switchTo(ctx, createWorkspaceFile(ctx, input));
  },
  'workspace.open': (ctx, input) => {
    allowApiPath(ctx, input.path);
    // This program already has it open (and holds its lock): opening it again is a no-op.
    if (ctx.workspace && sameFile(ctx.workspace.path, input.path)) {
      remember(ctx, ctx.workspace);
      return info(ctx.workspace);
    }
    return switchTo(ctx, openWorkspaceFile(ctx, input.path));
  },
  'workspace.close': (ctx) => {
    ctx.close();
    const s = ctx.readSettings();
    delete s.lastOpened;
    ctx.writeSettings(s);
    return null;
  },
  'workspace.recent': (ctx): RecentEntry[] =>
    ctx.readSettings().recent.map((r) => ({ ...r, exists: fs.existsSync(r.path) })),
  'workspace.forgetRecent': (ctx, input) => {
    const s = ctx.readSettings();
    s.recent = s.recent.filter((r) => r.path !== input.path);
    ctx.writeSettings(s);
    return s.recent.map((r) => ({ ...r, exists: fs.existsSync(r.path) }));
  },
  'workspace.stats': (ctx) => {
    const ws = ctx.requireWorkspace();
    return { schemaVersion: ws.schemaVersion(), ...ws.counts() };
  },
  'workspace.setTitle': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    ws.setTitle(input.title);
    remember(ctx, ws);
    return info(ws);
  },
};
