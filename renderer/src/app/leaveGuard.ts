/**
 * Typed text must never vanish. A form with unsaved changes registers a guard; anything that
 * would take the form away (another view, another row, closing the panel, another workspace)
 * first asks `confirmLeave()`, which saves valid changes and refuses, keeping the form open
 * with its errors, when they are not valid.
 */
export interface LeaveGuard {
  /** Whether there is anything unsaved. */
  dirty(): boolean;
  /** Saves; true when saved (or nothing to save), false when the user must fix something first. */
  flush(): Promise<boolean>;
}

const guards = new Set<LeaveGuard>();

export function registerLeaveGuard(g: LeaveGuard): () => void {
  guards.add(g);
  return () => {
    guards.delete(g);
  };
}

export function hasUnsavedChanges(): boolean {
  return [...guards].some((g) => g.dirty());
}

export async function confirmLeave(): Promise<boolean> {
  for (const g of [...guards]) {
    if (g.dirty() && !(await g.flush())) return false;
  }
  return true;
}

// ---- drafts kept across reloads and closed panels ----

const DRAFTS_KEY = 'kohtaanto.drafts';

type Drafts = Record<string, { draft: Record<string, unknown>; at: string }>;

function readDrafts(): Drafts {
  try {
    return JSON.parse(localStorage.getItem(DRAFTS_KEY) ?? '{}') as Drafts;
  } catch {
    return {};
  }
}

/** Keeps an unsaved draft in local storage, so a reload, a crash or a closed tab does not lose it. */
export function stashDraft(key: string, draft: Record<string, unknown>): void {
  const all = readDrafts();
  all[key] = { draft, at: new Date().toISOString() };
  try {
    localStorage.setItem(DRAFTS_KEY, JSON.stringify(all));
  } catch {
    // Storage full or blocked: the in-memory guard still protects the draft while the page lives.
  }
}

export function takeStashedDraft(key: string): Record<string, unknown> | undefined {
  return readDrafts()[key]?.draft;
}

export function dropDraft(key: string): void {
  const all = readDrafts();
  if (!(key in all)) return;
  delete all[key];
  try {
    localStorage.setItem(DRAFTS_KEY, JSON.stringify(all));
  } catch {
    // Nothing to do: a stale draft is offered again and can be discarded.
  }
}
