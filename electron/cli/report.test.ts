import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPORT_FIXTURE_ITEMS } from '../../shared/picture/report/fixture.testkit';
import { createBackend } from '../backend';
import { tempDir } from '../backend/test/tmp';
import { chromiumCandidates, findChromium } from './chromium-pdf';
import { runKohtaanto } from './run-cli.testkit';

const ROOT = path.resolve(__dirname, '../..');
let dir: string;
let file: string;

beforeEach(async () => {
  dir = tempDir();
  file = path.join(dir, 'p.kohtaanto');
  const { ctx, registry } = createBackend({ dataDir: path.join(dir, 'data'), mode: 'desktop' });
  const call = async (method: string, input: unknown) => {
    const r = await registry.call(method, input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  await call('workspace.create', { path: file, name: 'Raportoitava' });
  for (const item of REPORT_FIXTURE_ITEMS) await call('picture.put', { item });
  await call('picture.saveReview', { label: 'Ensimmäinen katselmointi' });
  ctx.close();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The text of every page of a PDF, as pdf.js (legacy build, for Node) extracts it. */
async function pdfText(pdfPath: string): Promise<{ pages: number; text: string }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(pdfPath)), useSystemFonts: true }).promise;
  const parts: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    parts.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
  }
  await doc.destroy();
  return { pages: doc.numPages, text: parts.join('\n').replace(/[\s\u00a0\u202f]+/g, ' ') };
}

describe('kohtaanto report', () => {
  it('writes a self-contained HTML report in the asked language, also of a review', () => {
    const out = path.join(dir, 'out', 'raportti.html');
    const r = runKohtaanto(dir, 'report', file, '--out', out, '--lang', 'sv');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`HTML-rapporten skrevs till ${out}.`);
    const html = fs.readFileSync(out, 'utf8');
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('Lägesbild: Raportoitava');
    expect(html).toContain('Den aktuella lägesbilden');
    expect(html).not.toMatch(/https?:|<script/i);

    const reviewId = JSON.parse(runKohtaanto(dir, 'review', file, '--list', '--json').out)[0].id as string;
    const rev = runKohtaanto(dir, 'report', file, '--out', out, '--review', reviewId);
    expect(rev.code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain('Katselmointi ”Ensimmäinen katselmointi”');
  }, 240_000);

  it('prints a PDF with Chromium whose text carries the figures', async () => {
    const out = path.join(dir, 'raportti.pdf');
    const r = runKohtaanto(dir, 'report', file, '--out', out, '--format', 'pdf', '--lang', 'en');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const { pages, text } = await pdfText(out);
    // Each main part starts on its own page.
    expect(pages).toBeGreaterThanOrEqual(6);
    for (const s of ['Situational picture: Raportoitava', 'Goals and indicators', 'At risk', 'Net present value (NPV)', '€79', '1.79', '2022', '3 organisations', '€4,000', '75.0%', 'N = 20', '3.67', '60.0%', 'Organisations take part']) {
      expect(text, s).toContain(s);
    }
  }, 240_000);

  it('reads a file another program holds open, read-only, and says so', () => {
    const { ctx, registry } = createBackend({ dataDir: path.join(dir, 'holder'), mode: 'desktop', owner: 'the test app' });
    return registry.call('workspace.open', { path: file }).then((opened) => {
      try {
        expect(opened.ok).toBe(true);
        const out = path.join(dir, 'locked.html');
        const r = runKohtaanto(dir, 'report', file, '--out', out);
        expect(r.code).toBe(0);
        expect(r.err).toMatch(/open for writing in the test app .*read-only/);
        expect(fs.readFileSync(out, 'utf8')).toContain('Tilannekuva: Raportoitava');
      } finally {
        ctx.close();
      }
    });
  }, 240_000);

  it('refuses wrong usage with exit code 2 and names what it looked for when no Chromium is found', () => {
    expect(runKohtaanto(dir, 'report', file).code).toBe(2);
    expect(runKohtaanto(dir, 'report', file, '--out', 'x.html', '--format', 'doc').code).toBe(2);
    expect(runKohtaanto(dir, 'report', file, '--out', 'x.html', '--lang', 'de').code).toBe(2);
    const out = path.join(dir, 'none.pdf');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'kohtaanto.mjs'), 'report', file, '--out', out], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, KOHTAANTO_DATA_DIR: path.join(dir, 'data'), KOHTAANTO_CHROMIUM: path.join(dir, 'no-such-chromium') },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`KOHTAANTO_CHROMIUM names ${path.join(dir, 'no-such-chromium')}, which is not a file`);
    expect(fs.existsSync(out)).toBe(false);
  }, 240_000);

  it('looks for Chromium in the documented order and lists every place when none is there', () => {
    const env = { PATH: '/opt/x' };
    const linux = chromiumCandidates(env, 'linux');
    expect(linux.slice(0, 3)).toEqual(['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']);
    expect(linux).toContain('/opt/x/chromium');
    expect(chromiumCandidates({ KOHTAANTO_CHROMIUM: '/my/chrome', PATH: '' }, 'linux')[0]).toBe('/my/chrome');
    expect(() => findChromium(env, () => false)).toThrow(/No Chromium was found to print the PDF\. Looked for: KOHTAANTO_CHROMIUM \(not set\), \/usr\/bin\/chromium, .*\/opt\/x\/chromium.*--format html/);
    expect(findChromium(env, (p) => p === '/usr/bin/google-chrome')).toBe('/usr/bin/google-chrome');
  });
});
