import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../backend/test/tmp';
import { runKohtaanto, runKohtaantoIn } from './run-cli.testkit';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('kohtaanto with the AuroraAI situational-picture example', () => {
  it('creates it with `new FILE --example auroraai` and reads its figures with `picture --json`', () => {
    const made = runKohtaanto(dir, 'new', 'aurora.kohtaanto', '--example', 'auroraai');
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    const pic = runKohtaanto(dir, 'picture', path.join(dir, 'aurora.kohtaanto'), '--json');
    expect(pic.err).toBe('');
    const json = JSON.parse(pic.out);
    expect(json.budget.planned).toBe(7_531_982);
    const shares = Object.fromEntries((json.budget.byCategory as Array<{ key: string; share: number }>).map((g) => [g.key, g.share]));
    // Table 1's shares, cut to one decimal as the table prints them (rounded, the first is 5.6: see the item's provenance).
    expect(['AuroraAI-ydintehtävät', 'AuroraAI-verkko', 'AuroraAI-toimintamalli', 'Osaamisen ja kyvykkyyksien kehittämisohjelma'].map((k) => Math.floor(shares[k] * 1000) / 10)).toEqual([5.5, 79.9, 10.0, 4.5]);
    expect(['AuroraAI-verkko', 'AuroraAI-toimintamalli', 'Osaamisen ja kyvykkyyksien kehittämisohjelma'].map((k) => Math.round(shares[k] * 1000) / 10)).toEqual([79.9, 10.0, 4.5]);
    const costs = (json.cba.result.years as Array<{ costs: number }>).reduce((s, y) => s + y.costs, 0);
    expect(Math.round(costs / 1e5) / 10).toBe(31.1);
    expect(json.cba.criticalMass).toBeTypeOf('number');
    expect(json.cba.discountRate).toBe(0.03);
    expect((json.surveys as Array<{ reportedN: number }>).map((s) => s.reportedN).sort((a, b) => a - b)).toEqual([63, 63, 66, 70, 162]);
    expect((json.indicators as Array<{ status: { status: string } }>).every((i) => i.status.status === 'noData')).toBe(true);

    const text = runKohtaanto(dir, 'picture', path.join(dir, 'aurora.kohtaanto'));
    expect(text.out).toContain('N=162 as reported; answer counts not given');
    expect(text.out).toContain('Budget: planned 7,531,982 EUR');
    // A Finnish terminal reads the app's words for statuses and rules, and Finnish number formats.
    const fi = runKohtaantoIn({ LANG: 'fi_FI.UTF-8' }, dir, 'picture', path.join(dir, 'aurora.kohtaanto'));
    expect(fi.out).toMatch(/^Talousarvio: suunniteltu 7\s531\s982 EUR, toteutunut 0 EUR$/m);
    expect(fi.out).toMatch(/^Kustannus–hyöty \(diskonttokorko 3,0 %\): nettonykyarvo [\d\s]+ EUR, hyöty–kustannussuhde \d+,\d\d, /m);
    expect(fi.out).toContain('Ei tietoa, viimeisin 1 (2021-12-31) (Lähtötaso puuttuu');
    expect(fi.out).not.toMatch(/Budget|planned|Survey|Indicators|noData/);
    // Three runs of the real command (tsx start-up each): slow on a shared machine.
  }, 150_000);

  it('refuses an example it does not have, and creates nothing', () => {
    const r = runKohtaanto(dir, 'new', 'x.kohtaanto', '--example', 'nope');
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/No example "nope"; the examples are nuoret, auroraai/);
    expect(fs.existsSync(path.join(dir, 'x.kohtaanto'))).toBe(false);
  }, 60_000);
});
