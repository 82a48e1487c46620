import { describe, expect, it } from 'vitest';
import { MESSAGE_CODES } from '../../../shared/api/messages';
import { ERROR_CODES } from '../../../shared/api/result';
import { en as enAll } from './en';
import { fi as fiAll } from './fi';
import { sv as svAll } from './sv';
import { translator } from './catalogue';
import { en, fi, sv } from './sections/messages';
import { sayMessage } from './say';

type Tree = { [k: string]: string | Tree };

/** Every leaf key of a catalogue section, with plural suffixes (_one, _other) folded into the code. */
function leaves(tree: Tree, prefix = ''): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') {
      const code = key.replace(/_(zero|one|two|few|many|other)$/, '');
      out.set(code, [...(out.get(code) ?? []), v]);
    } else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (texts: string[]) => [...new Set(texts.flatMap((t) => [...t.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1])))].sort();

describe('the message catalogue', () => {
  const langs = { en: leaves(en as Tree), fi: leaves(fi as Tree), sv: leaves(sv as Tree) };

  it('has every code the backend can produce in fi, sv and en, with the same placeholders', () => {
    const missing: string[] = [];
    const mismatched: string[] = [];
    for (const code of MESSAGE_CODES) {
      const want = langs.en.get(code);
      if (!want) {
        missing.push(`en:${code}`);
        continue;
      }
      for (const lang of ['fi', 'sv'] as const) {
        const got = langs[lang].get(code);
        if (!got) missing.push(`${lang}:${code}`);
        else if (placeholders(got).join() !== placeholders(want).join()) mismatched.push(`${lang}:${code} ${placeholders(got).join()} ≠ ${placeholders(want).join()}`);
      }
    }
    expect(missing).toEqual([]);
    expect(mismatched).toEqual([]);
  });

  it('holds no message that no code names (besides the names of code lists)', () => {
    const codes = new Set<string>(MESSAGE_CODES);
    const orphans = [...langs.en.keys()].filter((k) => !codes.has(k) && !k.startsWith('list.'));
    expect(orphans).toEqual([]);
  });

  it('says a coded message in each language, translating kinds, link types and code lists', () => {
    const m = { code: 'import.idTaken' as const, params: { id: 'x1', otherKind: 'organisation', kind: 'service' } };
    expect(sayMessage(translator('en'), m)).toBe('the id x1 is already used in this workspace by another kind of entity (organisation; this record: service)');
    expect(sayMessage(translator('fi'), m)).toBe('tunniste x1 on tässä työtilassa jo toisentyyppisen kohteen käytössä (organisaatio; tämä tietue: palvelu)');
    expect(sayMessage(translator('sv'), { code: 'import.unknownCode', params: { list: 'serviceClasses' } })).toBe('koden (tjänsteklass) finns inte i kodlistan; utelämnades');
    expect(sayMessage(translator('sv'), { code: 'import.linkEndMissing', params: { type: 'provides', ids: 'a, b', count: 2 } })).toMatch(/^kopplingen \(.+\) behöver a, b, som inte finns/);
  });

  it('has a sentence for every error code in fi, sv and en, with the same placeholders', () => {
    // An error without its own sentence would fall back to "Something went wrong: <English text>".
    const sentences = { en: enAll.error as Record<string, string>, fi: fiAll.error as Record<string, string>, sv: svAll.error as Record<string, string> };
    const problems: string[] = [];
    for (const code of ERROR_CODES) {
      const want = sentences.en[code];
      if (!want) problems.push(`en:${code} missing`);
      for (const lang of ['fi', 'sv'] as const) {
        const got = sentences[lang][code];
        if (!got) problems.push(`${lang}:${code} missing`);
        else if (want && placeholders([got]).join() !== placeholders([want]).join()) problems.push(`${lang}:${code} placeholders differ`);
      }
    }
    expect(problems).toEqual([]);
  });
});
