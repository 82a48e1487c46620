import fs from 'node:fs';
import path from 'node:path';

let cached: string | undefined;

/**
 * The bundled `resources/` folder: found by walking up from this file, because the same code runs
 * from source (tsx, Vitest), from the electron-vite bundle in out/, and from a packaged app.
 */
export function resourcesDir(): string {
  if (cached) return cached;
  const fromEnv = process.env.KOHTAANTO_RESOURCES;
  if (fromEnv && fs.existsSync(fromEnv)) return (cached = fromEnv);
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    const candidate = path.join(dir, 'resources');
    if (fs.existsSync(path.join(candidate, 'examples'))) return (cached = candidate);
    dir = path.dirname(dir);
  }
  throw new Error(`Kohtaanto's resources folder was not found above ${__dirname}.`);
}

export const EXAMPLE_FILE = 'examples/nuoret-kiinni-yhteiskunnassa.json';

/** The built-in examples by id (shared/api/contract.ts EXAMPLE_IDS), relative to resourcesDir(). */
export const EXAMPLE_FILES = {
  nuoret: EXAMPLE_FILE,
  auroraai: 'examples/auroraai-tilannekuva.json',
} as const;
