import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReviewInfo } from '../../../shared/api/picture';
import { REPORT_FIXTURE_ITEMS } from '../../../shared/picture/report/fixture.testkit';
import { createBackend } from '..';
import type { AppContext } from '../context';
import type { Registry } from '../registry';
import { callOk, tempDir } from '../test/tmp';
import { buildTruthWorkspace, TRUTH } from './matching.testkit';

let dir: string;
let ctx: AppContext;
let registry: Registry;

// A clock that moves a minute per reading, so runs and reviews have an order in time.
let tick = 0;
const clock = () => new Date(Date.UTC(2026, 0, 15, 10, tick++));

const ok = <T = unknown>(method: string, input: unknown = {}) => callOk<T>(registry, method, input);
const report = async (input: unknown) => (await ok<{ html: string }>('picture.report', input)).html;
const visible = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/[\s\u00a0\u202f]+/g, ' ');

beforeEach(async () => {
  dir = tempDir();
  ({ ctx, registry } = createBackend({ dataDir: dir, mode: 'desktop', now: clock }));
  await ok('workspace.create', { path: path.join(dir, 'r.kohtaanto'), name: 'Raportti' });
  await buildTruthWorkspace(ok);
  for (const item of REPORT_FIXTURE_ITEMS) await ok('picture.put', { item: item.kind === 'budgetLine' ? { ...item, organisation: TRUTH.kela } : item });
});
afterEach(() => {
  ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('picture.report', () => {
  it('reports the current picture with entity names and the latest matching run with its top gaps', async () => {
    expect(visible(await report({ lang: 'fi' }))).toContain('Kohtaantoajoa ei ole tallennettu.');
    await ok('matching.run', { label: 'Ensimmäinen' });
    await ok('matching.run', { label: 'Toinen' });
    const fi = visible(await report({ lang: 'fi' }));
    expect(fi).toContain('Tilannekuva: Raportti');
    expect(fi).toContain('Nykyinen tilannekuva');
    expect(fi).toContain('Viimeisin kohtaantoajo: Toinen');
    expect(fi).toContain('Suurimmat aukot');
    expect(fi).toMatch(/<th scope="row">Tulkkaus<\/th>|Tulkkaus/);
    expect(fi).toContain('Kela');
    const sv = visible(await report({ lang: 'sv' }));
    expect(sv).toContain('Tolkning');
    expect(sv).toContain('FPA');
  });

  it('reports a review as frozen, with its label and the run saved before it', async () => {
    await ok('matching.run', { label: 'Ensimmäinen' });
    const rev = await ok<ReviewInfo>('picture.saveReview', { label: 'Kevään katselmointi' });
    await ok('matching.run', { label: 'Toinen' });
    const ind = (await ok<Array<{ id: string }>>('picture.list', { kind: 'indicator' }))[0];
    await ok('picture.put', { item: { ...ind, name: { fi: 'Uusi nimi' } } });

    const frozen = visible(await report({ lang: 'fi', review: rev.id }));
    expect(frozen).toContain('Katselmointi ”Kevään katselmointi”');
    expect(frozen).toContain('Viimeisin kohtaantoajo: Ensimmäinen');
    expect(frozen).toContain('Viimeisin ennen katselmointia tallennettu ajo.');
    expect(frozen).toContain('<script>alert("x")</script>');
    expect(frozen).not.toContain('Uusi nimi');

    const now = visible(await report({ lang: 'fi' }));
    expect(now).toContain('Uusi nimi');
    expect(now).toContain('Viimeisin kohtaantoajo: Toinen');
  });

  it('refuses an unknown review and a language it does not know', async () => {
    const r = await registry.call('picture.report', { lang: 'fi', review: 'rev-none' });
    expect(r.ok ? null : r.error.code).toBe('not_found');
    const bad = await registry.call('picture.report', { lang: 'de' });
    expect(bad.ok ? null : bad.error.code).toBe('invalid_input');
  });
});
