/**
 * The costly part of a recommender index as bytes: inferred affinities, the trained meter model
 * and the text index's term statistics. Analysing 22,000 services' text and training the model
 * takes seconds; everything else an index holds is derived from the services in a fraction of
 * that. The backend keeps these bytes in the workspace file under the catalogue's fingerprint, so
 * reopening a workspace does not build again.
 *
 * Layout: 4 bytes header length (little-endian), the header as UTF-8 JSON (scalars, vocabularies
 * and where each typed array lies), then the typed arrays, each at a multiple of 8 bytes.
 */
import type { RecommenderIndex } from './build';
import type { MeterModel } from './model';
import type { ServiceAge } from './age';

/** Bumped whenever the layout or what a build computes changes: an older snapshot is then rebuilt, never misread. */
export const SNAPSHOT_VERSION = 2;

/** The costly parts of an index, as `buildIndex({ snapshot })` takes them back. */
export interface IndexSnapshot {
  version: number;
  n: number;
  labelled: number;
  inferred: number;
  affinity: Float32Array;
  affinitySource: Uint8Array;
  affinityNorm: Float32Array;
  text: {
    n: number;
    postings: Map<string, { docs: Int32Array; tf: Float32Array }>;
    vocab: string[];
    docLen: Float32Array;
    avgLen: number;
  };
  model: Omit<MeterModel, 'isIgnored'>;
  /** The age each service is for (depends on the age table of the build options, which the caller's key must cover). */
  ages: (ServiceAge | null)[];
}

/** The costly parts of a built index (shared, not copied). */
export function snapshotOf(index: RecommenderIndex): IndexSnapshot {
  const { isIgnored: _ignored, ...model } = index.model;
  const { expansionCache: _cache, ...text } = index.text;
  return {
    version: SNAPSHOT_VERSION,
    n: index.services.length,
    labelled: index.build.labelled,
    inferred: index.build.inferred,
    affinity: index.affinity,
    affinitySource: index.affinitySource,
    affinityNorm: index.affinityNorm,
    text,
    model,
    ages: index.ages,
  };
}

type Typed = Float32Array | Float64Array | Int32Array | Uint8Array;
const KINDS = { f32: Float32Array, f64: Float64Array, i32: Int32Array, u8: Uint8Array } as const;
type Kind = keyof typeof KINDS;
const kindOf = (a: Typed): Kind => (a instanceof Float32Array ? 'f32' : a instanceof Float64Array ? 'f64' : a instanceof Int32Array ? 'i32' : 'u8');

interface Header {
  version: number;
  n: number;
  labelled: number;
  inferred: number;
  textN: number;
  avgLen: number;
  /** Text vocabulary in sorted order; postings of stem k are docs/tf[offsets[k]..offsets[k+1]). */
  textVocab: string[];
  /** Model feature names in feature-id order. */
  modelVocab: string[];
  examples: MeterModel['examples'];
  usePrior: boolean;
  gramSize: number;
  ages: (ServiceAge | null)[];
  arrays: Record<string, { kind: Kind; offset: number; length: number }>;
}

/** The snapshot as one byte array (for a BLOB column). */
export function encodeSnapshot(s: IndexSnapshot): Uint8Array {
  const textVocab = s.text.vocab;
  const offsets = new Int32Array(textVocab.length + 1);
  let total = 0;
  textVocab.forEach((v, k) => {
    offsets[k] = total;
    total += s.text.postings.get(v)!.docs.length;
  });
  offsets[textVocab.length] = total;
  const docs = new Int32Array(total);
  const tf = new Float32Array(total);
  textVocab.forEach((v, k) => {
    const p = s.text.postings.get(v)!;
    docs.set(p.docs, offsets[k]);
    tf.set(p.tf, offsets[k]);
  });
  const modelVocab: string[] = new Array(s.model.vocab.size);
  for (const [key, id] of s.model.vocab) modelVocab[id] = key;
  const arrays: Record<string, Typed> = {
    affinity: s.affinity,
    affinitySource: s.affinitySource,
    affinityNorm: s.affinityNorm,
    docLen: s.text.docLen,
    postingOffsets: offsets,
    postingDocs: docs,
    postingTf: tf,
    idf: s.model.idf,
    weights: s.model.weights,
    bias: s.model.bias,
    priorCoef: s.model.priorCoef,
  };
  const place: Header['arrays'] = {};
  let at = 0;
  for (const [name, a] of Object.entries(arrays)) {
    place[name] = { kind: kindOf(a), offset: at, length: a.length };
    at += Math.ceil(a.byteLength / 8) * 8;
  }
  const header: Header = {
    version: s.version,
    n: s.n,
    labelled: s.labelled,
    inferred: s.inferred,
    textN: s.text.n,
    avgLen: s.text.avgLen,
    textVocab,
    modelVocab,
    examples: s.model.examples,
    usePrior: s.model.usePrior,
    gramSize: s.model.gramSize,
    ages: s.ages,
    arrays: place,
  };
  const head = new TextEncoder().encode(JSON.stringify(header));
  const start = Math.ceil((4 + head.length) / 8) * 8;
  const out = new Uint8Array(start + at);
  new DataView(out.buffer).setUint32(0, head.length, true);
  out.set(head, 4);
  for (const [name, a] of Object.entries(arrays)) out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), start + place[name].offset);
  return out;
}

/**
 * Reads bytes written by `encodeSnapshot`. Returns null for bytes of another snapshot version
 * (the caller builds again); throws on bytes that are not a snapshot at all.
 */
export function decodeSnapshot(bytes: Uint8Array): IndexSnapshot | null {
  const steps = decodeSnapshotSteps(bytes);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Vocabulary entries handled between two pauses of `decodeSnapshotSteps`. */
const DECODE_SLICE = 4000;

/**
 * `decodeSnapshot` in slices: the generator pauses after the header and every few thousand
 * vocabulary entries, so a server's event loop can answer other requests between slices. Run to
 * the end it returns exactly what `decodeSnapshot` returns.
 */
export function* decodeSnapshotSteps(bytes: Uint8Array): Generator<void, IndexSnapshot | null> {
  // Typed-array views need aligned offsets; a BLOB read from SQLite may start anywhere.
  const buf = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  if (buf.length < 4) throw new Error('Not a recommender index snapshot: too short.');
  const headLen = new DataView(buf.buffer, buf.byteOffset, 4).getUint32(0, true);
  if (4 + headLen > buf.length) throw new Error('Not a recommender index snapshot: header runs past the end.');
  const header = JSON.parse(new TextDecoder().decode(buf.subarray(4, 4 + headLen))) as Header;
  if (header.version !== SNAPSHOT_VERSION) return null;
  yield;
  const start = Math.ceil((4 + headLen) / 8) * 8;
  const get = <K extends Kind>(name: string, kind: K): InstanceType<(typeof KINDS)[K]> => {
    const p = header.arrays[name];
    if (!p || p.kind !== kind) throw new Error(`Not a recommender index snapshot: array ${name} is missing.`);
    const Ctor = KINDS[kind];
    const begin = buf.byteOffset + start + p.offset;
    if (start + p.offset + p.length * Ctor.BYTES_PER_ELEMENT > buf.length) throw new Error(`Not a recommender index snapshot: array ${name} runs past the end.`);
    return new Ctor(buf.buffer as ArrayBuffer, begin, p.length) as InstanceType<(typeof KINDS)[K]>;
  };
  const offsets = get('postingOffsets', 'i32');
  const docs = get('postingDocs', 'i32');
  const tf = get('postingTf', 'f32');
  const postings = new Map<string, { docs: Int32Array; tf: Float32Array }>();
  for (let k = 0; k < header.textVocab.length; k++) {
    if (k % DECODE_SLICE === DECODE_SLICE - 1) yield;
    postings.set(header.textVocab[k], { docs: docs.subarray(offsets[k], offsets[k + 1]), tf: tf.subarray(offsets[k], offsets[k + 1]) });
  }
  yield;
  const vocab = new Map<string, number>();
  for (let id = 0; id < header.modelVocab.length; id++) {
    if (id % DECODE_SLICE === DECODE_SLICE - 1) yield;
    vocab.set(header.modelVocab[id], id);
  }
  return {
    version: header.version,
    n: header.n,
    labelled: header.labelled,
    inferred: header.inferred,
    affinity: get('affinity', 'f32'),
    affinitySource: get('affinitySource', 'u8'),
    affinityNorm: get('affinityNorm', 'f32'),
    text: { n: header.textN, postings, vocab: header.textVocab, docLen: get('docLen', 'f32'), avgLen: header.avgLen },
    model: {
      vocab,
      idf: get('idf', 'f32'),
      weights: get('weights', 'f32'),
      bias: get('bias', 'f64'),
      priorCoef: get('priorCoef', 'f64'),
      examples: header.examples,
      usePrior: header.usePrior,
      gramSize: header.gramSize,
    },
    ages: header.ages,
  };
}
