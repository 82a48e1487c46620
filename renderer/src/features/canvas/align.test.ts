import { describe, expect, it } from 'vitest';
import { align, distribute, type Box } from './align';
import { buildClip, parseClip } from './clipboard';
import type { Entity, Link } from '../../../../shared/model';

const boxes: Box[] = [
  { id: 'a', x: 0, y: 0, w: 100, h: 50 },
  { id: 'b', x: 300, y: 100, w: 100, h: 50 },
  { id: 'c', x: 120, y: 40, w: 200, h: 50 },
];

describe('align and distribute', () => {
  it('aligns on edges and centre lines of the bounding box', () => {
    expect(align(boxes, 'left').map((p) => p.x)).toEqual([0, 0, 0]);
    expect(align(boxes, 'right').map((p) => p.x)).toEqual([300, 300, 200]);
    expect(align(boxes, 'centerX').map((p) => p.x)).toEqual([150, 150, 100]);
    expect(align(boxes, 'bottom').map((p) => p.y)).toEqual([100, 100, 100]);
    expect(align(boxes, 'centerY').map((p) => p.y)).toEqual([50, 50, 50]);
    expect(align([boxes[0]], 'left')).toEqual([]);
  });

  it('distributes with equal gaps, keeping the outermost boxes', () => {
    const d = distribute(boxes, 'horizontal');
    expect(d).toEqual([
      { id: 'a', x: 0, y: 0 },
      { id: 'c', x: 100, y: 40 },
      { id: 'b', x: 300, y: 100 },
    ]);
    const v = distribute(boxes, 'vertical');
    expect(v.map((p) => [p.id, p.y])).toEqual([
      ['a', 0],
      ['c', 50],
      ['b', 100],
    ]);
    expect(distribute(boxes.slice(0, 2), 'vertical')).toEqual([]);
  });
});

describe('clipboard JSON', () => {
  const e = (id: string, kind: 'organisation' | 'service') => ({ id, kind, name: { fi: id } }) as unknown as Entity;
  const byId = new Map([e('o1', 'organisation'), e('s1', 'service'), e('s2', 'service')].map((x) => [x.id, x]));
  const links: Link[] = [
    { id: 'l1', type: 'provides', source: 'o1', target: 's1', data: {} },
    { id: 'l2', type: 'provides', source: 'o1', target: 's2', data: {} },
  ];
  it('copies the selection with the links inside it only, and reads it back', () => {
    const clip = buildClip(['o1', 's1', 'gone'], byId, links, { o1: { x: 1, y: 2 }, s1: { x: 3, y: 4 } })!;
    expect(clip.entities.map((x) => x.id)).toEqual(['o1', 's1']);
    expect(clip.links.map((l) => l.id)).toEqual(['l1']);
    const back = parseClip(JSON.stringify(clip));
    expect(back?.positions).toEqual({ o1: { x: 1, y: 2 }, s1: { x: 3, y: 4 } });
    expect(back?.entities[1]).toMatchObject({ id: 's1', kind: 'service', areaType: 'nationwide' });
  });
  it('ignores text that is not a clip', () => {
    expect(parseClip('Kela')).toBeNull();
    expect(parseClip('{"format":"kohtaanto-canvas-clip","version":2}')).toBeNull();
    expect(buildClip([], byId, links, {})).toBeNull();
  });
});
