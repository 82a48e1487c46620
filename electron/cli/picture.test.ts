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
  await call('picture.put', { item: { id: 'cba', kind: 'cbaSettings', discountRate: 0.1, adoption: { 2021: 2, 2022: 5 } } });
  await call('picture.put', { item: { id: 'c-build', kind: 'cbaItem', name: { fi: 'Rakentaminen' }, type: 'cost', amounts: { 2020: 100 } } });
  await call('picture.put', { item: { id: 'b-save', kind: 'cbaItem', name: { fi: 'Säästöt' }, type: 'benefit', perOrganisation: true, amounts: { 2021: 10, 2022: 10 } } });
  ctx.close();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('kohtaanto picture and review', () => {
  it('prints the CBA figures as JSON, saves reviews and compares them', () => {
    const pic = runKohtaanto(dir, 'picture', file, '--json');
    expect(pic.err).toBe('');
    const json = JSON.parse(pic.out);
    expect(json.cba.npv).toBeCloseTo(-40.49587, 4);
    expect(json.cba.bcr).toBeCloseTo(0.595041, 5);
    expect(json.cba.paybackYear).toBeNull();
    expect(json.cba.criticalMass).toBe(9);
    expect(json.cba.discountRate).toBe(0.1);

    const a = JSON.parse(runKohtaanto(dir, 'review', file, '--label', 'A', '--json').out).id as string;
    const b = JSON.parse(runKohtaanto(dir, 'review', file, '--label', 'B', '--json').out).id as string;
    const list = JSON.parse(runKohtaanto(dir, 'review', file, '--list', '--json').out) as Array<{ label: string }>;
    expect(list.map((r) => r.label).sort()).toEqual(['A', 'B']);
    const cmp = JSON.parse(runKohtaanto(dir, 'review', file, '--compare', a, b, '--json').out);
    expect(cmp.cba.criticalMassBefore).toBe(9);
    expect(cmp.indicators).toEqual([]);
    expect(runKohtaanto(dir, 'picture', file).out).toMatch(/critical mass 9/);
  }, 240_000);

  it('refuses wrong usage with exit code 2 and an unknown review with 1', () => {
    expect(runKohtaanto(dir, 'review', file).code).toBe(2);
    const r = runKohtaanto(dir, 'picture', file, '--review', 'rev-none');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/No review rev-none/);
  }, 120_000);
});
