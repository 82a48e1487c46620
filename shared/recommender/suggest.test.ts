import { describe, expect, it } from 'vitest';
import { METERS, type Meter, type MeterAffinities } from '../model';
import { buildIndex, suggestAffinities } from './index';
import { svc } from './testkit';

const lab = (...ms: Meter[]): MeterAffinities => Object.fromEntries(METERS.map((m) => [m, ms.includes(m) ? 1 : 0]));

const services = [
  svc('h1', 'Vuokra-asuntojen haku', { descFi: 'Haku kaupungin vuokra-asuntoihin ja asumisen neuvonta.', meterAffinities: lab('housing') }),
  svc('h2', 'Asumisneuvonta', { descFi: 'Neuvontaa vuokra-asumiseen ja asunnon vaihtoon.', meterAffinities: lab('housing') }),
  svc('h3', 'Asunnottomien palveluohjaus', { descFi: 'Ohjausta asunnon löytämiseen asunnottomille.' }),
  svc('f1', 'Velkaneuvonta', { descFi: 'Talous- ja velkaneuvonta auttaa velkaantuneita.', meterAffinities: lab('finance') }),
  svc('f2', 'Toimeentulotuki', { descFi: 'Viimesijainen taloudellinen tuki, kun rahat eivät riitä.', meterAffinities: lab('finance') }),
  svc('w1', 'Työnhakuvalmennus', { descFi: 'Valmennusta työnhakuun ja ammatinvalintaan.', meterAffinities: lab('working_studying') }),
  svc('k1', 'Kansalaisopiston kurssit', { descFi: 'Harrastuksia, musiikkia ja liikuntaa.' }),
];

describe('suggestAffinities: the meter model beside a facilitator\'s labels', () => {
  const index = buildIndex(services, []);

  it('gives an indexed, unlabelled service exactly the affinities the index inferred', () => {
    const s = suggestAffinities(index, services[2]);
    const i = index.position.get('h3')!;
    s.forEach((x, m) => expect(x.probability).toBeCloseTo(index.affinity[i * METERS.length + m], 3));
    expect(s.every((x) => x.label === undefined)).toBe(true);
    const housing = s.find((x) => x.meter === 'housing')!;
    expect(housing.probability).toBe(Math.max(...s.map((x) => x.probability)));
    expect(housing.words.length).toBeGreaterThan(0);
    expect(housing.examples.positive).toBe(2);
  });

  it('reports the label of a labelled meter next to the model\'s own view of it', () => {
    const s = suggestAffinities(index, services[3]);
    expect(s.find((x) => x.meter === 'finance')).toMatchObject({ label: 1 });
    expect(s.find((x) => x.meter === 'housing')).toMatchObject({ label: 0 });
    expect(s.find((x) => x.meter === 'finance')!.probability).toBeGreaterThan(s.find((x) => x.meter === 'housing')!.probability);
  });

  it('follows a draft that is not in the index yet', () => {
    const before = suggestAffinities(index, svc('new', 'Kurssi'));
    const after = suggestAffinities(index, svc('new', 'Vuokra-asunnon haku ja asumisneuvonta'));
    const p = (s: typeof before) => s.find((x) => x.meter === 'housing')!.probability;
    expect(p(after)).toBeGreaterThan(p(before) + 0.2);
  });
});
