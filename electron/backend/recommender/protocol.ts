/** Messages between the backend and its recommender worker threads. */
import type { CodesForBuild } from './options';

/** What a worker thread is for (its `workerData.role`): builds, at a lower priority, or reads for a warm open, at the server's. */
export type WorkerRole = 'build' | 'read';

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

/**
 * Read the services (and needs, life events) an index assembled from a saved snapshot needs,
 * without their descriptions, then the snapshot saved under a catalogue fingerprint: for a warm
 * open, when the worker is idle. SQLite's share of reading a region's rows (walking the id index,
 * making the row strings) is then off the server thread, which parses the rows as they come and
 * reads the links meanwhile. The rows come in `WorkerRows` messages, in id order; the last one
 * carries the input counters read in the same transaction; the job ends with `WorkerLoaded`.
 */
export interface WorkerRowsJob {
  id: number;
  type: 'rows';
  file: string;
  nativeBinding?: string;
  fingerprint: string;
  /** Rows a message. */
  rowsPerMessage: number;
}

/** Some of the rows a `WorkerRowsJob` reads: a JSON array of entity documents, in id order. */
export interface WorkerRows {
  id: number;
  ok: true;
  rows: string;
  /** On the last message: the input counters (migration 0110) the rows were read at. */
  versions?: { catalogue: number; index: number };
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
/** What a job may send before its answer. */
export type WorkerProgress = WorkerRows;
