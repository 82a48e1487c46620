/** Messages between the backend and its recommender worker thread. */
import type { CodesForBuild } from './options';

/**
 * A build: the worker reads the workspace file itself, with a connection of its own and in one
 * transaction, while the server thread reads the same rows in slices between requests. Nothing
 * crosses threads but this message and the answer's bytes: sending a region's rows from the
 * server thread cost it the time to copy them and the garbage they left.
 */
export interface WorkerJob {
  id: number;
  type: 'build';
  codes: CodesForBuild;
  file: string;
  nativeBinding?: string;
  /** Save the snapshot in the file (not for a workspace opened read-only), stamped with this time. */
  save?: { createdAt: string };
}

/**
 * Read the snapshot saved under a catalogue fingerprint: a region's snapshot is 5-25 MB, which
 * SQLite reads in one piece (30-50 ms); on this thread that is no pause for the server's requests.
 */
export interface WorkerLoadJob {
  id: number;
  type: 'load';
  file: string;
  nativeBinding?: string;
  fingerprint: string;
}

export interface WorkerBuilt {
  id: number;
  ok: true;
  /** The catalogue fingerprint of the rows the worker read: the build is of the server's rows only if it equals theirs. */
  fingerprint: string;
  /** The snapshot built, or null when the file already had one under this fingerprint (nothing was built). */
  bytes: Uint8Array | null;
  saved: boolean;
  ms: number;
  phases: Record<string, number>;
  services: number;
}

export interface WorkerLoaded {
  id: number;
  ok: true;
  /** The snapshot's bytes as saved, or null when there is none under the fingerprint. */
  loaded: Uint8Array | null;
}

export interface WorkerFailed {
  id: number;
  ok: false;
  message: string;
}

export type WorkerReply = WorkerBuilt | WorkerFailed;
export type WorkerMessage = WorkerBuilt | WorkerLoaded | WorkerFailed;
