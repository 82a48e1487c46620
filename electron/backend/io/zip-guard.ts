/**
 * Checks a ZIP container (an .xlsx is one) before any library unpacks it. The declared sizes in
 * the central directory are summed against a cap, and every entry is then inflated with an
 * output limit of its declared size, so a file that lies about its sizes is caught too. Only
 * after this does exceljs see the bytes.
 */
import zlib from 'node:zlib';
import { AppError } from '../../../shared/api/result';
import type { CodedMessage } from '../../../shared/api/messages';
import { codedError, said } from '../messages';

export interface ZipLimits {
  /** Total uncompressed bytes allowed (default 64 MiB: a 100,000-row sheet is well under that). */
  maxUncompressed?: number;
  maxEntries?: number;
}

export const DEFAULT_MAX_UNCOMPRESSED = 64 * 1024 * 1024;

const EOCD = 0x06054b50;
const CDH = 0x02014b50;
const LFH = 0x04034b50;

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

export interface ZipEntryInfo {
  name: string;
  compressed: number;
  uncompressed: number;
}

/** Validates the container and returns its entries; throws AppError ('too_large' or 'invalid_input') otherwise. */
export function guardZip(bytes: Uint8Array, file: string, limits: ZipLimits = {}): ZipEntryInfo[] {
  const max = limits.maxUncompressed ?? DEFAULT_MAX_UNCOMPRESSED;
  const maxEntries = limits.maxEntries ?? 10_000;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bad = (why: CodedMessage) => codedError('invalid_input', why, { file, details: { reason: 'zip' } });
  if (buf.length < 22 || buf.readUInt32LE(0) !== LFH) throw bad(said('zip.notZip'));

  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad(said('zip.truncated'));
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // ZIP64 only exists for archives over 4 GB or 65,535 entries, which no workshop sheet needs.
    throw codedError('too_large', said('zip.zip64'), { file, details: { reason: 'zip64' } });
  }
  if (count > maxEntries) throw codedError('too_large', said('zip.tooManyParts', { count, max: maxEntries }), { file, details: { reason: 'entries' } });
  if (cdOffset + cdSize > eocd) throw bad(said('zip.outside'));

  const entries: (ZipEntryInfo & { method: number; offset: number })[] = [];
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CDH) throw bad(said('zip.damagedDirectory'));
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const uncompressed = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const offset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff || offset === 0xffffffff) {
      throw codedError('too_large', said('zip.zip64'), { file, details: { reason: 'zip64' } });
    }
    total += uncompressed;
    if (total > max) {
      throw codedError('too_large', said('zip.bomb', { limit: mb(max), size: mb(total) }), { file, details: { reason: 'uncompressed', limit: max, declared: total } });
    }
    entries.push({ name, compressed, uncompressed, method, offset });
    p += 46 + nameLen + extraLen + commentLen;
  }

  // Declared sizes can lie; inflate each part with its declared size as a hard output limit.
  for (const e of entries) {
    if (e.offset + 30 > buf.length || buf.readUInt32LE(e.offset) !== LFH) throw bad(said('zip.damagedPart', { part: e.name }));
    const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
    if (start + e.compressed > buf.length) throw bad(said('zip.partCut', { part: e.name }));
    const data = buf.subarray(start, start + e.compressed);
    let actual: number;
    if (e.method === 0) actual = data.length;
    else if (e.method === 8) {
      try {
        actual = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressed) }).length;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
          throw new AppError('too_large', `${file}: a part inside (${e.name}) is larger than it declares; it was not opened.`, { file, reason: 'lying-size' }, said('zip.partLies', { part: e.name }));
        }
        throw bad(said('zip.partUnreadable', { part: e.name }));
      }
    } else throw bad(said('zip.partMethod', { part: e.name, method: e.method }));
    if (actual !== e.uncompressed) {
      throw new AppError('too_large', `${file}: a part inside (${e.name}) differs in size from what it declares; it was not opened.`, { file, reason: 'lying-size' }, said('zip.partLies', { part: e.name }));
    }
  }
  return entries.map(({ name, compressed, uncompressed }) => ({ name, compressed, uncompressed }));
}
