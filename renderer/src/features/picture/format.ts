/**
 * Numbers as a leader reads them in the UI language, and numbers as a person types them
 * (a decimal comma, spaces between thousands, a typographic minus all accepted).
 */
import type { Language } from '../../../../shared/model';

const LOCALE: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

const cache = new Map<string, Intl.NumberFormat>();
function nf(lang: Language, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(LOCALE[lang] ?? 'fi-FI', opts)));
  return f;
}

/** A plain number with at most `digits` decimals. */
export function fmtNumber(v: number, lang: Language, digits = 2): string {
  return nf(lang, { maximumFractionDigits: digits }).format(v);
}

/** Euros without cents (money in a programme's budget is never read to the cent). */
export function fmtMoney(v: number, lang: Language): string {
  return nf(lang, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(v);
}

/** Euros in short form for chart axes: 1,2 milj. € / 1,2 mn € / €1.2M. */
export function fmtMoneyShort(v: number, lang: Language): string {
  return nf(lang, { style: 'currency', currency: 'EUR', notation: 'compact', maximumFractionDigits: 1 }).format(v);
}

/** A share (0–1) as a percentage. */
export function fmtPercent(share: number, lang: Language, digits = 1): string {
  return nf(lang, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(share);
}

/** A number with its sign always shown, for changes. */
export function fmtDelta(v: number, lang: Language, digits = 2): string {
  return nf(lang, { maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(v);
}

/** A change in euros with its sign always shown. */
export function fmtMoneyDelta(v: number, lang: Language): string {
  return nf(lang, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(v);
}

/** A date (ISO `YYYY-MM-DD` or a timestamp) in the UI language. */
export function fmtDate(iso: string, lang: Language): string {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE[lang] ?? 'fi-FI', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: /^\d{4}-\d{2}-\d{2}$/.test(iso) ? 'UTC' : undefined }).format(d);
}

export type Parsed = { ok: true; value: number | undefined } | { ok: false };

/** Reads a typed number: '' is no value; "1 234,5", "−3" and "1.5" are numbers; anything else is not. */
export function parseNumber(text: string): Parsed {
  const s = text.replace(/[\s\u00a0\u202f]/g, '').replace(/\u2212/g, '-').replace(',', '.');
  if (s === '') return { ok: true, value: undefined };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return { ok: false };
  const v = Number(s);
  return Number.isFinite(v) ? { ok: true, value: v } : { ok: false };
}

/** A number as a form shows it for editing (no grouping, the UI language's decimal sign). */
export function numberToText(v: number | undefined, lang: Language): string {
  if (v === undefined) return '';
  const s = String(Math.round(v * 1e10) / 1e10);
  return lang === 'en' ? s : s.replace('.', ',');
}
