import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../backend/test/tmp';
import { runKohtaanto } from './run-cli.testkit';

// The catalogue here is small; below a size the index is built in-process, so the worker is asked for.
process.env.KOHTAANTO_RECOMMENDER_WORKER_FROM = '0';

let dir: string;
beforeAll(() => {
  dir = tempDir();
  expect(kohtaanto('new', 'x.kohtaanto', '--example').code).toBe(0);
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const kohtaanto = (...args: string[]) => runKohtaanto(dir, ...args);

interface Rec {
  results: { serviceId: string; name: string; score: number; explanation: string[] }[];
}

describe('kohtaanto recommend, match and evaluate', () => {
  it('recommends from meters: each result has id, name, score and explanation, and the meters steer the list', () => {
    const housing = kohtaanto('recommend', 'x.kohtaanto', '--meter', 'housing=0', '--meter', 'health=9', '--top', '4', '--json');
    expect(housing.err).toBe('');
    expect(housing.code).toBe(0);
    const h = JSON.parse(housing.out) as Rec;
    expect(h.results).toHaveLength(4);
    for (const r of h.results) {
      expect(r.serviceId).toMatch(/^srv-/);
      expect(r.name).toBeTruthy();
      expect(r.score).toBeGreaterThan(0);
      expect(r.explanation.join(' ')).toMatch(/asuminen/);
    }
    const f = JSON.parse(kohtaanto('recommend', 'x.kohtaanto', '--meter', 'finance=0', '--top', '4', '--json').out) as Rec;
    expect(f.results.map((r) => r.serviceId)).not.toEqual(h.results.map((r) => r.serviceId));
  });

  it('prints a readable list with municipality, language and age filters', () => {
    const r = kohtaanto('recommend', 'x.kohtaanto', '--meter', 'working_studying=1', '--municipality', 'Åbo', '--language', 'sv', '--age', '19', '--top', '3');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    // Everything in the language asked for: the lines around the results too, with a decimal comma.
    expect(lines[0]).toMatch(/^De 3 bästa av de \d+ tjänster som klarar filtren \(50 i arbetsytan\)\.$/);
    expect(lines[1]).toMatch(/^Relevans: 0–100 %/);
    expect(lines.filter((l) => /^ {1,2}\d\. .+ {2}\[srv-[0-9a-f]{8}\] {2}relevans \d{1,3},\d % \(\d+,\d{2} poäng\)$/.test(l))).toHaveLength(3);
    expect(r.out).not.toMatch(/score|points|services/);
    // Explanations name the municipality in Swedish.
    expect(r.out).toMatch(/Mätaren ”studier eller arbete”/);
    expect(r.out).not.toMatch(/Mittari/);
  });

  it('prints the same 0–100 % score the JSON gives as 0–1, and says when a search word matched nothing', () => {
    const args = ['recommend', 'x.kohtaanto', '--meter', 'housing=0', '--meter', 'finance=0', '--meter', 'health=0', '--top', '5'];
    const j = JSON.parse(kohtaanto(...args, '--json').out) as Rec & { results: { points: number }[] };
    // Three meters at 0 add up to more than one point: the score stays below 1 however many reasons add up.
    expect(j.results[0].points).toBeGreaterThan(1);
    for (const r of j.results) {
      expect(r.score).toBeGreaterThan(0);
      expect(r.score).toBeLessThan(1);
      expect(r.score).toBeCloseTo(1 - Math.exp(-r.points), 5);
    }
    const printed = kohtaanto(...args).out;
    const shown = [...printed.matchAll(/score (\d+\.\d) %/g)].map((m) => Number(m[1]));
    expect(shown).toEqual(j.results.map((r) => Math.floor(r.score * 1000) / 10));
    const none = kohtaanto('recommend', 'x.kohtaanto', '--text', 'hautajaiset', '--meter', 'housing=2');
    expect(none.code).toBe(0);
    expect(none.out).toMatch(/^Note: Hakusana ”hautajaiset” ei osunut yhdenkään palvelun tekstiin/m);
  });

  it('runs matching, saves each run in the file, and reports coverage and gaps', () => {
    const loose = kohtaanto('match', 'x.kohtaanto', '--json');
    expect(loose.code).toBe(0);
    const a = JSON.parse(loose.out);
    expect(a.params.threshold).toBe(0.5);
    // The example's links come from evidence in the data, so the default threshold already leaves gaps.
    expect(a.run.totals.coverage).toBe(0.6183);
    expect(a.run.totals.covered).toBe(22);
    expect(loose.out).not.toMatch(/Coverage:/); // --json prints the run only
    const strict = kohtaanto('match', 'x.kohtaanto', '--threshold', '0.9', '--label', 'tiukka');
    expect(strict.code).toBe(0);
    expect(strict.out).toMatch(/threshold 0\.9/);
    expect(strict.out).toMatch(/^Coverage: \d+\.\d %/m);
    expect(strict.out).toMatch(/^Gaps \([1-9]\d*\):\n {2}- /m);
    expect(strict.out).toMatch(/^Counters to visit:/m);
    const db = new Database(path.join(dir, 'x.kohtaanto'), { readonly: true });
    const rows = db.prepare('SELECT label, params FROM matching_runs ORDER BY rowid').all() as { label: string | null; params: string }[];
    db.close();
    expect(rows.map((r) => [r.label, JSON.parse(r.params).threshold])).toEqual([
      [null, 0.5],
      ['tiukka', 0.9],
    ]);
    const one = JSON.parse(kohtaanto('match', 'x.kohtaanto', '--life-event', 'le-kotoa', '--json').out);
    expect(one.run.scope.lifeEventId).toBe('le-kotoa');
  });

  it('evaluates against expected services', () => {
    const j = JSON.parse(kohtaanto('evaluate', 'x.kohtaanto', '--k', '5', '--json').out);
    expect(j.k).toBe(5);
    // Four of the example's five personas have expected services (the English-speaking one in Tampere has none).
    expect(j.cases).toHaveLength(4);
    expect(j.skipped).toEqual(['persona-tampere-24-en-kansainvalinen']);
    expect(j.overall.precision).toBeGreaterThan(0);
    expect(j.overall.precision).toBeLessThanOrEqual(1);
    const text = kohtaanto('evaluate', 'x.kohtaanto');
    expect(text.out.split('\n')[0]).toMatch(/^persona +expected +P@10 +R@10 +nDCG@10 +MRR$/);
    expect(text.out).toMatch(/^overall \(4 personas\) +[01]\.\d{3} +[01]\.\d{3} +[01]\.\d{3} +[01]\.\d{3}$/m);
    expect(text.out).toMatch(/^1 persona without expected services was left out\.$/m);
    const fi = kohtaanto('evaluate', 'x.kohtaanto', '--lang', 'fi');
    expect(fi.out.split('\n')[0]).toMatch(/^profiili +odotetut +P@10 +R@10 +nDCG@10 +MRR$/);
    expect(fi.out).toMatch(/^kaikki \(4 profiilia\) +[01],\d{3} +[01],\d{3} +[01],\d{3} +[01],\d{3}$/m);
    expect(fi.out).toMatch(/^1 profiili ilman odotettuja palveluita jätettiin pois\.$/m);
  });

  it('refuses bad input with one clear line and a non-zero exit', () => {
    const meter = kohtaanto('recommend', 'x.kohtaanto', '--meter', 'mood=3');
    expect(meter.code).toBe(2);
    expect(meter.err.split('\n')[0]).toMatch(/^kohtaanto recommend: Unknown meter "mood"/);
    const value = kohtaanto('recommend', 'x.kohtaanto', '--meter', 'health=11');
    expect(value.code).toBe(2);
    expect(value.err).toMatch(/A meter value is 0–10/);
    expect(kohtaanto('recommend', 'x.kohtaanto').code).toBe(2);
    const persona = kohtaanto('recommend', 'x.kohtaanto', '--persona', 'nobody');
    expect(persona.code).toBe(1);
    expect(persona.err.trim()).toBe('kohtaanto recommend: No persona nobody.');
    const threshold = kohtaanto('match', 'x.kohtaanto', '--threshold', '1.5');
    expect(threshold.code).toBe(2);
    expect(threshold.err).toMatch(/--threshold must be a number 0–1/);
    const missing = kohtaanto('evaluate', 'nope.kohtaanto');
    expect(missing.code).toBe(1);
    expect(missing.err.trim().split('\n')).toHaveLength(1);
    const event = kohtaanto('match', 'x.kohtaanto', '--life-event', 'le-nope');
    expect(event.code).toBe(1);
    expect(event.err.trim()).toBe('kohtaanto match: No life event le-nope.');
  });

  it('has --help for each command', () => {
    for (const cmd of ['recommend', 'match', 'evaluate']) {
      const r = kohtaanto(cmd, '--help');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^Usage: kohtaanto ${cmd} FILE`));
    }
    expect(kohtaanto('--help').out).toMatch(/ recommend .*\n.* match .*\n.* evaluate /);
  });
});

describe('kohtaanto recommend --top and --all for evaluation work (issue 12)', () => {
  it('ranks the whole catalogue with --all, accepts --top up to the catalogue size and refuses more', () => {
    const all = kohtaanto('recommend', 'x.kohtaanto', '--meter', 'housing=0', '--all', '--json');
    expect(all.err).toBe('');
    expect(all.code).toBe(0);
    const a = JSON.parse(all.out) as Rec & { eligible: number; index: { services: number } };
    // The example has 50 services, two of them marked as not for recommendation; every other one
    // is ranked, zero scores included (a plain query lists only services with points).
    expect(a.index.services).toBe(50);
    expect(a.eligible).toBe(48);
    expect(a.results).toHaveLength(48);
    expect(new Set(a.results.map((r) => r.serviceId)).size).toBe(48);
    expect(a.results.filter((r) => r.score === 0).length).toBeGreaterThan(0);

    const top50 = JSON.parse(kohtaanto('recommend', 'x.kohtaanto', '--meter', 'housing=0', '--top', '50', '--json').out) as Rec;
    expect(top50.results.map((r) => r.serviceId)).toEqual(a.results.slice(0, top50.results.length).map((r) => r.serviceId));

    const tooMany = kohtaanto('recommend', 'x.kohtaanto', '--meter', 'housing=0', '--top', '51');
    expect(tooMany.code).not.toBe(0);
    expect(tooMany.err).toMatch(/top 51 is more than the 50 services of the workspace/);

    const both = kohtaanto('recommend', 'x.kohtaanto', '--meter', 'housing=0', '--top', '5', '--all');
    expect(both.code).not.toBe(0);
    expect(both.err).toMatch(/either --top or --all/);
  }, 180_000);

  it('keeps the built index in the workspace file: the next run reads it instead of building, with the same answer', () => {
    const file = path.join(dir, 'x.kohtaanto');
    const db = new Database(file);
    db.prepare('DELETE FROM recommender_index_cache').run();
    db.close();
    const first = kohtaanto('recommend', 'x.kohtaanto', '--meter', 'finance=0', '--top', '8', '--json');
    expect(first.code).toBe(0);
    // Built on the worker thread (through tsx, as the CLI runs), not in-process.
    expect(JSON.parse(first.out).index.from).toBe('worker');
    const ro = new Database(file, { readonly: true });
    const rows = ro.prepare('SELECT fingerprint, services, length(snapshot) AS bytes FROM recommender_index_cache').all() as { fingerprint: string; services: number; bytes: number }[];
    ro.close();
    expect(rows).toHaveLength(1);
    expect(rows[0].services).toBe(50);
    expect(rows[0].bytes).toBeGreaterThan(1000);
    const second = kohtaanto('recommend', 'x.kohtaanto', '--meter', 'finance=0', '--top', '8', '--json');
    expect(JSON.parse(second.out).results).toEqual(JSON.parse(first.out).results);
    expect(JSON.parse(second.out).index.from).toBe('file');
    const ro2 = new Database(file, { readonly: true });
    expect((ro2.prepare('SELECT fingerprint FROM recommender_index_cache').all() as { fingerprint: string }[]).map((r) => r.fingerprint)).toEqual([rows[0].fingerprint]);
    ro2.close();
  }, 180_000);
});
