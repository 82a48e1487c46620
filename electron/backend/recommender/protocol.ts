/** Messages between the backend and its recommender worker thread. */
import type { CodesForBuild } from './options';

export interface WorkerJob {
  id: number;
  /** Entity rows as stored (JSON): services, needs and life events. Strings cross threads by copy, far cheaper than objects. */
  entityRows: string[];
  /** Link rows: id, type, source, target, data (JSON). */
  linkRows: [string, string, string, string, string][];
  codes: CodesForBuild;
}

export type WorkerReply =
  | { id: number; ok: true; bytes: Uint8Array; ms: number; phases: Record<string, number> }
  | { id: number; ok: false; message: string };
