/**
 * The national code lists the app bundles under resources/codes (see codes-build.ts for where
 * each comes from): PTV service classes, life events and target groups with their hierarchy and
 * old `urn.fi` URIs, and municipalities with their region and wellbeing services county.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Language } from '../../../shared/model';

export const CODE_LISTS = ['serviceClasses', 'lifeEvents', 'targetGroups', 'municipalities', 'regions', 'wellbeingCounties'] as const;
export type CodeListName = (typeof CODE_LISTS)[number];

export interface CodeItem {
  code: string;
  fi: string;
  sv?: string;
  en?: string;
  /** Broader code in the same list (P1 for P1.2). */
  parent?: string;
  /** The code's URI in the old PTV vocabulary (`http://urn.fi/URN:NBN:fi:au:ptvl:v1001`). */
  oldUri?: string;
  /** Municipalities only: region (maakunta) code. */
  region?: string;
  /** Municipalities only: wellbeing services county (hyvinvointialue) code. */
  county?: string;
}

export interface CodeListFile {
  list: CodeListName;
  provenance: string;
  items: CodeItem[];
}

const FILES: Record<CodeListName, string> = {
  serviceClasses: 'service-classes.json',
  lifeEvents: 'life-events.json',
  targetGroups: 'target-groups.json',
  municipalities: 'municipalities.json',
  regions: 'regions.json',
  wellbeingCounties: 'wellbeing-counties.json',
};

/** Where a code found in a URI or an old URI belongs. */
export interface CodeRef {
  list: CodeListName;
  code: string;
}

function norm(s: string): string {
  return s.normalize('NFC').trim().toLocaleLowerCase('fi');
}

/** Lookups over the loaded lists; built once, then every answer is a map read. */
export class CodeLists {
  private readonly byCode = new Map<CodeListName, Map<string, CodeItem>>();
  private readonly childrenOf = new Map<CodeListName, Map<string, string[]>>();
  private readonly oldUris = new Map<string, CodeRef>();
  private readonly municipalityNames = new Map<string, string>();
  readonly provenance: Record<CodeListName, string>;

  constructor(files: CodeListFile[]) {
    const prov: Partial<Record<CodeListName, string>> = {};
    for (const f of files) {
      prov[f.list] = f.provenance;
      const codes = new Map<string, CodeItem>();
      const children = new Map<string, string[]>();
      for (const item of f.items) {
        codes.set(item.code, item);
        if (item.parent) {
          const siblings = children.get(item.parent) ?? [];
          siblings.push(item.code);
          children.set(item.parent, siblings);
        }
        if (item.oldUri) this.oldUris.set(item.oldUri, { list: f.list, code: item.code });
      }
      this.byCode.set(f.list, codes);
      this.childrenOf.set(f.list, children);
      if (f.list === 'municipalities') {
        for (const item of f.items) for (const name of [item.fi, item.sv, item.en]) if (name) this.municipalityNames.set(norm(name), item.code);
      }
    }
    for (const list of CODE_LISTS) if (!prov[list]) throw new Error(`Code list ${list} is missing.`);
    this.provenance = prov as Record<CodeListName, string>;
  }

  items(list: CodeListName): CodeItem[] {
    return [...(this.byCode.get(list)?.values() ?? [])];
  }

  get(list: CodeListName, code: string): CodeItem | undefined {
    return this.byCode.get(list)?.get(code);
  }

  has(list: CodeListName, code: string): boolean {
    return this.byCode.get(list)?.has(code) ?? false;
  }

  /** The code's label in `lang`, falling back to Finnish (every list has Finnish); undefined for an unknown code. */
  label(list: CodeListName, code: string, lang: Language = 'fi'): string | undefined {
    const item = this.get(list, code);
    if (!item) return undefined;
    return item[lang] || item.fi;
  }

  /** Labels in all three languages, as the model's multilingual text. */
  text(list: CodeListName, code: string): { fi: string; sv?: string; en?: string } | undefined {
    const item = this.get(list, code);
    if (!item) return undefined;
    return { fi: item.fi, ...(item.sv ? { sv: item.sv } : {}), ...(item.en ? { en: item.en } : {}) };
  }

  /** Direct sub-codes (P1 → P1.1 … P1.5). */
  children(list: CodeListName, code: string): string[] {
    return [...(this.childrenOf.get(list)?.get(code) ?? [])];
  }

  /**
   * The code and everything under it: a service in P1.2 belongs to "P1 Housing", so asking for
   * P1 must include P1.1 … P1.5 and their sub-codes.
   */
  withDescendants(list: CodeListName, code: string): string[] {
    const out: string[] = [];
    const stack = [code];
    while (stack.length) {
      const c = stack.pop()!;
      out.push(c);
      // Reversed so that the depth-first walk yields P1, P1.1, P1.2 … in reading order.
      stack.push(...this.children(list, c).reverse());
    }
    return out;
  }

  /** The top code of the hierarchy (P1 for P1.2.3); the code itself when it is on top. */
  topOf(list: CodeListName, code: string): string {
    let c = code;
    for (let i = 0; i < 10; i++) {
      const parent = this.get(list, c)?.parent;
      if (!parent) return c;
      c = parent;
    }
    return c;
  }

  /** Municipality codes of a region (maakunta) or a wellbeing services county. */
  municipalitiesOf(area: 'region' | 'wellbeingCounty', code: string): string[] {
    const key = area === 'region' ? 'region' : 'county';
    return this.items('municipalities')
      .filter((m) => m[key] === code)
      .map((m) => m.code);
  }

  regionOf(municipality: string): string | undefined {
    return this.get('municipalities', municipality)?.region;
  }

  countyOf(municipality: string): string | undefined {
    return this.get('municipalities', municipality)?.county;
  }

  /** A municipality's code from its Finnish, Swedish or English name ("Turku", "Åbo"). */
  municipalityByName(name: string): string | undefined {
    return this.municipalityNames.get(norm(name));
  }

  /** Old `urn.fi` URI → code, for one list or all of them. */
  oldUriMap(list?: CodeListName): Map<string, string> {
    const out = new Map<string, string>();
    for (const [uri, ref] of this.oldUris) if (!list || ref.list === list) out.set(uri, ref.code);
    return out;
  }

  /**
   * Resolves a classification URI of any vintage: the old `http://urn.fi/URN:NBN:fi:au:ptvl:v1001`
   * and the current `http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P1` forms.
   */
  fromUri(uri: string): CodeRef | undefined {
    const u = uri.trim();
    const old = this.oldUris.get(u) ?? this.oldUris.get(u.replace(/^https:/, 'http:'));
    if (old) return old;
    const m = /\/code\/([^/?#]+)$/.exec(u);
    if (!m) return undefined;
    for (const list of ['serviceClasses', 'lifeEvents', 'targetGroups'] as const) {
      if (this.has(list, m[1])) return { list, code: m[1] };
    }
    return undefined;
  }
}

function isCodeListFile(v: unknown): v is CodeListFile {
  const f = v as CodeListFile;
  return !!f && typeof f === 'object' && typeof f.list === 'string' && typeof f.provenance === 'string' && Array.isArray(f.items);
}

/** Reads the lists from a folder (resources/codes, or a test's copy). */
export function loadCodeLists(dir: string): CodeLists {
  const files = CODE_LISTS.map((list) => {
    const file = path.join(dir, FILES[list]);
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!isCodeListFile(parsed) || parsed.list !== list) throw new Error(`${file} is not the ${list} code list.`);
    return parsed;
  });
  return new CodeLists(files);
}

/**
 * resources/codes, found by walking up from this file: the same code runs from source (tsx,
 * Vitest), from the electron-vite bundle in out/ and from a packaged app.
 */
export function codesDir(): string {
  const fromEnv = process.env.KOHTAANTO_RESOURCES;
  if (fromEnv && fs.existsSync(path.join(fromEnv, 'codes', FILES.serviceClasses))) return path.join(fromEnv, 'codes');
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    const candidate = path.join(dir, 'resources', 'codes');
    if (fs.existsSync(path.join(candidate, FILES.serviceClasses))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(`Kohtaanto's code lists (resources/codes) were not found above ${__dirname}.`);
}

let cached: CodeLists | undefined;

/** The bundled code lists, loaded on first use (about 100 kB of JSON). */
export function codeLists(): CodeLists {
  cached ??= loadCodeLists(codesDir());
  return cached;
}
