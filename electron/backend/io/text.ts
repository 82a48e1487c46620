/** Decoding and cleaning of text that arrives in files people made elsewhere. */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { AppError } from '../../../shared/api/result';
import type { CodedMessage } from '../../../shared/api/messages';
import { said } from '../messages';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Where the first invalid UTF-8 sequence starts, for a message a person can act on. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // Decoding prefixes is O(n log n) and only runs on the error path.
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

/** Strict UTF-8 (JSON and XML must be UTF-8), or why not, in words that do not repeat the file name. */
export function tryDecodeUtf8(bytes: Uint8Array): { text: string } | { problem: string; offset: number; msg: CodedMessage } {
  // isUtf8 validates with SIMD and Buffer decodes natively: a 10 MB PTV page in a few milliseconds.
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isUtf8(buf)) {
    const text = buf.toString('utf8');
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  }
  const offset = firstInvalidUtf8(bytes);
  return { problem: `not valid UTF-8 text (invalid bytes at offset ${offset}); save it as UTF-8 and try again`, offset, msg: said('import.notUtf8', { offset }) };
}

/** Strict UTF-8; a leading BOM is dropped; throws AppError naming the file. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  const r = tryDecodeUtf8(bytes);
  if ('text' in r) return r.text;
  throw new AppError('invalid_input', `${file}: ${r.problem}.`, { file, reason: 'encoding', offset: r.offset }, r.msg);
}

/** JSON text parsed, or why not. */
export function tryParseJson(bytes: Uint8Array): { value: unknown } | { problem: string; msg: CodedMessage } {
  const decoded = tryDecodeUtf8(bytes);
  if ('problem' in decoded) return decoded;
  try {
    return { value: JSON.parse(decoded.text) };
  } catch (err) {
    const detail = (err as Error).message.slice(0, 200);
    // V8's own words are English; the coded message keeps only where the error is.
    const at = /position (\d+)/.exec(detail)?.[1];
    return { problem: `not valid JSON (${detail})`, msg: at ? said('import.notJsonAt', { position: Number(at) }) : said('import.notJson') };
  }
}

/**
 * Text of a CSV as spreadsheet programs write it: UTF-8 (with or without BOM), UTF-16 with BOM
 * ("Unicode text"), or — when it is not valid UTF-8 — Windows-1252, which Excel on a Finnish
 * Windows uses for "CSV (semicolon separated)".
 */
export function decodeSpreadsheetText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16be'), encoding: 'utf-16be' };
  try {
    const text = utf8.decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'win1252'), encoding: 'windows-1252' };
  }
}

// XML 1.0 allows tab, LF, CR and U+0020 upwards except surrogates and U+FFFE/U+FFFF.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes characters no XML 1.0 document may contain (control characters, lone surrogates). */
export function xmlSafe(s: string): string {
  return s.replace(XML_INVALID, '');
}

/** Escapes text for an XML attribute or element. */
export function xmlEscape(s: string): string {
  return xmlSafe(s).replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;'));
}

/**
 * PTV stores some rich texts as Draft.js JSON (`{"blocks":[{"text":…}],"entityMap":{}}`);
 * the readable text is the blocks' text, one paragraph each.
 */
export function draftJsToText(value: string): string {
  const t = value.trimStart();
  if (!t.startsWith('{') || !t.includes('"blocks"')) return value;
  try {
    const parsed = JSON.parse(t) as { blocks?: { text?: unknown }[] };
    if (!Array.isArray(parsed.blocks)) return value;
    return parsed.blocks
      .map((b) => (typeof b?.text === 'string' ? b.text : ''))
      .join('\n')
      .trim();
  } catch {
    return value;
  }
}

/** Cuts a string to `max` UTF-16 units without splitting a surrogate pair. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return s.slice(0, end);
}
