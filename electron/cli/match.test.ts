import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackend } from '../backend';
import { buildTruthWorkspace } from '../backend/domains/matching.testkit';
import { fixedNow, tempDir } from '../backend/test/tmp';
import { UsageError } from './common';
import { recommendCommands } from './commands/recommend';

// In-process rather than through bin/: the command's own code is what is tested, and a spawned
// tsx costs seconds on a loaded machine.
let dir: string;
let file: string;
const env = process.env.KOHTAANTO_DATA_DIR;

beforeEach(async () => {
  dir = tempDir();
  file = path.join(dir, 'data', 'workspaces', 'truth.kohtaanto');
  process.env.KOHTAANTO_DATA_DIR = path.join(dir, 'data');
  const { ctx, registry } = createBackend({ dataDir: path.join(dir, 'data'), mode: 'browser', now: fixedNow });
  const call = async (method: string, input: unknown) => {
    const r = await registry.call(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value;
  };
  await call('workspace.create', { path: file, name: 'CLI' });
  await buildTruthWorkspace(call);
  ctx.close();
});
afterEach(() => {
  if (env === undefined) delete process.env.KOHTAANTO_DATA_DIR;
  else process.env.KOHTAANTO_DATA_DIR = env;
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function match(values: Record<string, unknown>): Promise<string> {
  const out: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  expect(await recommendCommands.match.run({ values, positionals: [file] })).toBe(0);
  vi.restoreAllMocks();
  return out.join('\n');
}

describe('kohtaanto match (issue 8)', () => {
  it('takes the smallest equity group as --equity-min and saves it with the run', async () => {
    const run = JSON.parse(await match({ 'equity-min': '1', json: true }));
    expect(run.params.equityMinPersonas).toBe(1);
    expect(run.equityFlags).toBeGreaterThan(0);
    const text = await match({ lang: 'en' });
    expect(text).toMatch(/^Equity flags \(\d+; groups of fewer than 2 personas are not flagged\)/m);
    // Services without a provider are counted as places to visit but named as such.
    expect(text).toMatch(/^ {2}- Helsingforsare i sorg: 2 \(Kela, Grief group \[no provider\]\)$/m);
    expect(text).toMatch(/^ {2}- Income: 2 organisations \+ 1 service without a provider, 4 services$/m);
    expect(text).toMatch(/^Services serving no persona's need: 1 of 6$/m);
    // In Finnish: the app's words, the names in Finnish, numbers with a decimal comma.
    const fi = await match({ lang: 'fi' });
    expect(fi).toMatch(/^Kattavuus: \d+,\d % \(painotus: tärkeys × henkilöä vuodessa\); profiili × tarve ‑pareista katettu \d+\/\d+ \(\d+,\d %\)\.$/m);
    expect(fi).toMatch(/^ {2}- Tulkkaus: 1 profiili, 5 henkilöä vuodessa$/m);
    expect(fi).toMatch(/^ {2}- Toimeentulo: 2 organisaatiota \+ 1 palvelu ilman tarjoajaa, 4 palvelua$/m);
    expect(fi).toMatch(/^ {2}- Helsingforsare i sorg: 2 \(Kela, Sorgegrupp \[ei tarjoajaa\]\)$/m);
    expect(fi).toMatch(/^Palvelut, jotka eivät palvele yhdenkään profiilin tarvetta: 1\/6$/m);
    expect(fi).not.toMatch(/Coverage|Gaps|Overlaps|Counters|persona/);
  });

  it('refuses an --equity-min that is not a whole number from 1', async () => {
    await expect(recommendCommands.match.run({ values: { 'equity-min': '0' }, positionals: [file] })).rejects.toThrow(UsageError);
    await expect(recommendCommands.match.run({ values: { 'equity-min': 'two' }, positionals: [file] })).rejects.toThrow(/--equity-min must be a whole number 1–1000/);
  });
});
