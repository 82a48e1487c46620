/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';

// Read through Vite's glob import, so this test needs no node:fs and the folder stays pure.
const sources = import.meta.glob(['./*.ts', '../matching/*.ts'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

describe('shared/recommender and shared/matching stay pure', () => {
  it('import nothing that only runs in Node, Electron or React', () => {
    const files = Object.keys(sources);
    expect(files.length).toBeGreaterThan(10);
    for (const [file, text] of Object.entries(sources)) {
      const statics = [...text.matchAll(/^\s*(?:import|export)\b[^;'"]*?from\s*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
      const bare = [...text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
      const dynamic = [...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]);
      const imports = [...statics, ...bare, ...dynamic];
      for (const spec of imports) {
        expect(spec, `${file} imports ${spec}`).not.toMatch(/^(node:|electron|react|better-sqlite3|fs$|path$|os$|crypto$)/);
        // Only relative imports, the shared model and the libraries allowed in shared/.
        expect(spec, `${file} imports ${spec}`).toMatch(/^(\.{1,2}\/|vitest$|fast-check$|zod$|minisearch$|graphology)/);
      }
    }
  });
});
