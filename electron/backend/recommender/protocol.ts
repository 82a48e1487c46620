/** Messages between the backend and its recommender worker thread. */
import type { CodesForBuild } from './options';

/** A link row: id, type, source, target, data (JSON). */
export type LinkRow = [string, string, string, string, string];

/**
 * A build is sent as several `rows` messages and one `build`: each message is copied on the
 * sending thread, and one message of every row of a big catalogue held the server's event loop
 * for well over the 50 ms it may answer in. Rows are sent as they are read, so the worker starts
 * and parses while the main thread still reads.
 */
export type WorkerJob =
  | {
      id: number;
      type: 'rows';
      /** Entity rows as stored (JSON): services, needs and life events. Strings cross threads by copy, far cheaper than objects. */
      entityRows: string[];
      linkRows: LinkRow[];
    }
  | { id: number; type: 'build'; codes: CodesForBuild; save?: SaveTo }
  /** The rows sent so far are not to be built (the read started over, or a saved snapshot was found after all). */
  | { id: number; type: 'drop' };

/** Where the worker saves the snapshot it built, with a connection of its own, so the main thread does not wait for the write. */
export interface SaveTo {
  file: string;
  nativeBinding?: string;
  fingerprint: string;
  createdAt: string;
}

export type WorkerReply =
  | { id: number; ok: true; bytes: Uint8Array; ms: number; phases: Record<string, number>; services: number; saved: boolean }
  | { id: number; ok: false; message: string };
