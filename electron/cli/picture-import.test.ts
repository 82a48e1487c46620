import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../backend';
import { tempDir } from '../backend/test/tmp';
import { runKohtaanto } from './run-cli.testkit';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = tempDir();
  file = path.join(dir, 'p.kohtaanto');
  const { ctx, registry } = createBackend({ dataDir: path.join(dir, 'data'), mode: 'desktop' });
  const call = async (method: string, input: unknown) => {
    const r = await registry.call(method, input);
    if (!r.ok) throw new Error(r.error.message);
  };
  await call('workspace.create', { path: file, name: 'P' });
  await call('picture.put', {
    item: { id: 'ind-cov', kind: 'indicator', name: { fi: 'Kattavuus' }, direction: 'higher', baseline: { date: '2021-01-01', value: 10 }, target: { date: '2023-01-01', value: 20 } },
  });
  ctx.close();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const picture = () => JSON.parse(runKohtaanto(dir, 'picture', file, '--json').out) as { indicators: { id: string; measurements: number; status: { latest?: { value: number } } }[] };

describe('kohtaanto import --kind', () => {
  it('imports measurements with --map for an unknown heading; --on-error stop with a bad row writes nothing and names row and column', () => {
    fs.writeFileSync(path.join(dir, 'm.csv'), 'Mittari;Pvm;Lukema\nKattavuus;30.6.2022;16\nKattavuus;31.12.2022;18,5\n');
    fs.writeFileSync(path.join(dir, 'bad.csv'), 'Mittari;Pvm;Lukema\nKattavuus;30.6.2023;19\nKattavuus;31.12.2023;paljon\n');

    const unmapped = runKohtaanto(dir, 'import', file, 'm.csv', '--kind', 'measurements');
    expect(unmapped.code).toBe(1);
    expect(unmapped.err).toContain('m.csv: no column is chosen for: Value');
    expect(unmapped.err).toContain('"Lukema" → (ignored)');
    expect(picture().indicators[0].measurements).toBe(0);

    const dry = runKohtaanto(dir, 'import', file, 'm.csv', '--kind', 'measurements', '--map', 'Lukema=value', '--dry-run');
    expect(dry.out).toContain('Dry run: nothing was written.');
    expect(dry.out).toMatch(/^Indicators\s+0\s+1\s+0$/m);
    expect(dry.out).toContain('Measurements added or changed: 2');
    expect(picture().indicators[0].measurements).toBe(0);

    const good = runKohtaanto(dir, 'import', file, 'm.csv', '--kind', 'measurements', '--map', 'Lukema=value', '--json');
    expect(good.code).toBe(0);
    expect(JSON.parse(good.out).picture).toEqual({ created: {}, updated: { indicator: 1 }, unchanged: {}, values: 2 });
    expect(picture().indicators[0]).toMatchObject({ measurements: 2, status: { latest: { value: 18.5 } } });

    const before = fs.readFileSync(file);
    const bad = runKohtaanto(dir, 'import', file, 'bad.csv', '--kind', 'measurements', '--map', 'Lukema=value', '--on-error', 'stop', '--lang', 'fi');
    expect(bad.code).toBe(1);
    expect(bad.err.trim()).toBe('kohtaanto import: bad.csv: rivi 3, sarake ”Lukema”: ”paljon” ei ole luku');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  }, 240_000);

  it('imports survey responses into a new survey and refuses wrong flags with exit code 2', () => {
    fs.writeFileSync(path.join(dir, 'kysely.csv'), 'Vastaaja,Tavoitteet ovat selkeät\n1,Täysin samaa mieltä\n2,kan inte säga\n3,7\n');
    const r = runKohtaanto(dir, 'import', file, 'kysely.csv', '--kind', 'survey', '--survey-name', 'Kysely 2022', '--map', 'Tavoitteet ovat selkeät=question');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Surveys\s+1\s+0\s+0$/m);
    expect(r.out).toContain('kysely.csv: row 4, column "Tavoitteet ovat selkeät": "7" is not on the 1–5 scale or "cannot say"');
    expect(runKohtaanto(dir, 'import', file, 'kysely.csv', '--kind', 'votes').code).toBe(2);
    expect(runKohtaanto(dir, 'import', file, 'kysely.csv', '--kind', 'survey', '--map', 'Vastaaja=respondent').code).toBe(2);
    expect(runKohtaanto(dir, 'import', file, 'kysely.csv', '--survey', 'x').code).toBe(2);
  }, 240_000);
});
