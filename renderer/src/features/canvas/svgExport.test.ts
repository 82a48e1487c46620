import { describe, expect, it } from 'vitest';
import { buildSvg, wrap } from './svgExport';

// About 0.55 em per character: close enough to a sans-serif font for layout tests.
const measure = (t: string, px: number) => t.length * px * 0.55;

describe('SVG export', () => {
  it('wraps long names into two lines with an ellipsis', () => {
    expect(wrap('Nuorten työpajatoiminta ja etsivä nuorisotyö Oulussa ja Kempeleessä', 190, 14, 2, measure)).toEqual(['Nuorten työpajatoiminta', 'ja etsivä nuorisotyö Ou…']);
    expect(wrap('Kela', 176, 14, 2, measure)).toEqual(['Kela']);
  });

  it('draws nodes, links with arrowheads and a legend band, escaping text', () => {
    const { svg, width, height } = buildSvg(
      [
        { id: 'o', kind: 'organisation', label: 'Kela & <DVV>', kindLabel: 'Organisaatio', x: 0, y: 0 },
        { id: 's', kind: 'service', label: 'Opintotuki', kindLabel: 'Palvelu', x: 400, y: 0, badge: 'C2' },
      ],
      [{ source: 'o', target: 's', type: 'provides', label: 'tarjoaa' }],
      {
        frame: { x: -20, y: -20, w: 640, h: 120 },
        scale: 2,
        size: { w: 200, h: 72 },
        title: 'Kartta',
        legendTitle: 'selite',
        kinds: [{ kind: 'organisation', label: 'Organisaatio' }, { kind: 'service', label: 'Palvelu' }],
        links: [{ type: 'provides', label: 'tarjoaa' }],
        measure,
        linkLabels: true,
      },
    );
    expect(width).toBe(1280);
    expect(height).toBeGreaterThan(240);
    expect(svg).toContain('Kela &amp; &lt;DVV&gt;');
    expect(svg.match(/marker-end="url\(#arrow\)"/g)).toHaveLength(2); // the link and its legend sample
    expect(svg).toContain('>tarjoaa</text>');
    expect(svg).toContain('>C2</text>');
    expect(svg).toContain('viewBox="-20 -20 640 120"');
    expect(() => new DOMParserLike(svg)).not.toThrow();
  });
});

/** A minimal well-formedness check: every opened element is closed in order. */
class DOMParserLike {
  constructor(xml: string) {
    const stack: string[] = [];
    for (const m of xml.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
      if (m[3]) continue;
      if (m[1]) {
        if (stack.pop() !== m[2]) throw new Error(`unbalanced </${m[2]}>`);
      } else stack.push(m[2]);
    }
    if (stack.length) throw new Error(`unclosed ${stack.join(',')}`);
  }
}
