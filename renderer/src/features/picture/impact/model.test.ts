import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { describe, expect, it } from 'vitest';
import type { ImpactBox, ImpactLink, ImpactStage, PictureItem } from '../../../../../shared/picture';
import { BOX, COLUMN_GAP, columnX, elkGraph, impactLayout, impactModel, labelPoint, linkCandidates, linkRefusal, linksBrokenByStage, neighbour, READABLE_ZOOM, ROW_GAP, snapToColumns, stageAt, startViewport, TOP } from './model';

const box = (id: string, stage: ImpactStage): ImpactBox => ({ id, kind: 'impactBox', stage, name: { fi: id }, description: {}, refs: [] });
const link = (id: string, source: string, target: string): ImpactLink => ({ id, kind: 'impactLink', source, target, assumption: {} });

const elk = new ELK();
const run = async (g: ElkNode) => {
  const r = await elk.layout(g);
  return Object.fromEntries((r.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
};

describe('impact links run left to right', () => {
  const need = box('need', 'needs');
  const act = box('act', 'activities');
  const act2 = box('act2', 'activities');
  it('allows a link to any later stage, and refuses backwards, same-stage, self and repeated links', () => {
    expect(linkRefusal(need, act)).toBeNull();
    expect(linkRefusal(act, need)).toBe('backwards');
    expect(linkRefusal(act, act2)).toBe('sameStage');
    expect(linkRefusal(act, act)).toBe('self');
    expect(linkRefusal(need, act, [link('l', 'need', 'act')])).toBe('duplicate');
    // The reverse of an existing link is still backwards, not a duplicate.
    expect(linkRefusal(act, need, [link('l', 'need', 'act')])).toBe('backwards');
  });

  it('offers as link targets only boxes of later stages not linked yet, in stage order', () => {
    const boxes = [box('imp', 'impacts'), act, need, act2, box('basis', 'basis')];
    expect(linkCandidates(need, boxes, [link('l', 'need', 'act2')]).map((b) => b.id)).toEqual(['act', 'imp']);
    expect(linkCandidates(box('x', 'impacts'), boxes, []).map((b) => b.id)).toEqual([]);
  });

  it('names the links that moving a box to another stage would break', () => {
    const res = box('res', 'results');
    const boxes = [need, act, res];
    const links = [link('a', 'need', 'act'), link('b', 'act', 'res')];
    expect(linksBrokenByStage(act, 'outputs', boxes, links)).toEqual([]);
    expect(linksBrokenByStage(act, 'results', boxes, links).map((l) => l.id)).toEqual(['b']);
    expect(linksBrokenByStage(act, 'basis', boxes, links).map((l) => l.id)).toEqual(['a']);
  });
});

describe('stage columns', () => {
  it('gives every stage its own column, left to right, and finds the stage under a point', () => {
    expect(columnX('basis')).toBe(0);
    expect(columnX('needs')).toBeGreaterThanOrEqual(BOX.w);
    expect(columnX('impacts')).toBeGreaterThan(columnX('results'));
    expect(stageAt(columnX('activities') + 10)).toBe('activities');
    expect(stageAt(columnX('impacts') + BOX.w)).toBe('impacts');
    expect(stageAt(-500)).toBeNull();
  });

  it('snaps boxes into their column, keeps the given vertical order, and pushes apart only overlaps', () => {
    const boxes = [box('a', 'needs'), box('b', 'needs'), box('c', 'results')];
    // ELK put b above a, a overlapping b, and c in a layer that is not its stage's.
    const pos = snapToColumns({ a: { x: 999, y: 40 }, b: { x: 5, y: 0 }, c: { x: 7, y: 300 } }, boxes);
    expect(pos.b).toEqual({ x: columnX('needs'), y: TOP });
    expect(pos.a).toEqual({ x: columnX('needs'), y: TOP + BOX.h + ROW_GAP });
    expect(pos.c).toEqual({ x: columnX('results'), y: TOP + 300 });
  });

  it('lays a chain out with ELK: columns in stage order, a long link does not pull a box out of its column, no overlaps', async () => {
    const boxes = [box('imp', 'impacts'), box('n1', 'needs'), box('n2', 'needs'), box('a1', 'activities'), box('a2', 'activities'), box('o', 'outputs'), box('lonely', 'basis')];
    const links = [link('1', 'n1', 'a1'), link('2', 'n2', 'a2'), link('3', 'a1', 'o'), link('4', 'a2', 'o'), link('5', 'n1', 'imp'), link('6', 'o', 'imp')];
    const pos = await impactLayout(run, boxes, links);
    for (const b of boxes) expect(pos[b.id].x).toBe(columnX(b.stage));
    for (const b of boxes)
      for (const c of boxes) if (b.id < c.id && b.stage === c.stage) expect(Math.abs(pos[b.id].y - pos[c.id].y)).toBeGreaterThanOrEqual(BOX.h + ROW_GAP);
    for (const b of boxes) expect(pos[b.id].y).toBeGreaterThanOrEqual(TOP);
  });

  it('gives ELK one partition per stage and only links between boxes it draws', () => {
    const g = elkGraph([box('a', 'basis'), box('b', 'impacts')], [link('1', 'a', 'b'), link('2', 'a', 'gone')]);
    expect(g.layoutOptions?.['elk.partitioning.activate']).toBe('true');
    expect(g.children?.map((c) => c.layoutOptions?.['elk.partitioning.partition'])).toEqual(['0', '6']);
    expect(g.edges?.map((e) => e.id)).toEqual(['1']);
  });
});

describe('moving through the drawing by keyboard', () => {
  const boxes = [box('n1', 'needs'), box('n2', 'needs'), box('r', 'results'), box('r2', 'results')];
  const pos = { n1: { x: columnX('needs'), y: 70 }, n2: { x: columnX('needs'), y: 214 }, r: { x: columnX('results'), y: 70 }, r2: { x: columnX('results'), y: 230 } };
  it('goes up and down its column and across to the nearest box of the next stage that has any', () => {
    expect(neighbour('n1', 'down', boxes, pos)).toBe('n2');
    expect(neighbour('n2', 'down', boxes, pos)).toBeNull();
    expect(neighbour('n2', 'up', boxes, pos)).toBe('n1');
    expect(neighbour('n2', 'right', boxes, pos)).toBe('r2');
    expect(neighbour('r', 'left', boxes, pos)).toBe('n1');
    expect(neighbour('n1', 'left', boxes, pos)).toBeNull();
  });
});

describe('link labels', () => {
  it('stand in the middle of the gap after the source, on the curve', () => {
    const p0 = { x: 0, y: 0 };
    const g = COLUMN_GAP;
    const mid = labelPoint(p0, { x: g / 2, y: 0 }, { x: g / 2, y: 100 }, { x: g, y: 100 });
    expect(mid).toEqual({ x: g / 2, y: 50 });
    // A link over three stages keeps its label in the first gap, near its source's height.
    const far = labelPoint(p0, { x: 500, y: 0 }, { x: 500, y: 300 }, { x: 1000, y: 300 });
    expect(far.x).toBe(g / 2);
    expect(far.y).toBeLessThan(30);
  });
});

describe('the picture items of the impact logic', () => {
  it('keeps boxes in stage order and leaves other kinds out', () => {
    const items: PictureItem[] = [box('i', 'impacts'), { id: 'g', kind: 'goal', name: { fi: 'G' }, description: {} }, box('b', 'basis'), link('l', 'b', 'i')];
    const m = impactModel(items);
    expect(m.boxes.map((b) => b.id)).toEqual(['b', 'i']);
    expect(m.links.map((l) => l.id)).toEqual(['l']);
    expect(m.goals.map((g) => g.id)).toEqual(['g']);
  });
});

describe('the opening view', () => {
  it('shows every column when they fit, else starts readable from the first column', () => {
    const all = columnX('impacts') + BOX.w + 24;
    const wide = startViewport(all + 32, 900, 300);
    expect(wide.zoom).toBe(1);
    expect(wide.x).toBe(16 + 12);
    const narrow = startViewport(900, 700, 300);
    expect(narrow.zoom).toBe(READABLE_ZOOM);
    // The basis column's left edge stands at the margin.
    expect(Math.round(narrow.x + (columnX('basis') - 12) * narrow.zoom)).toBe(16);
    // Tall content starts at the top instead of being centred out of sight.
    expect(startViewport(900, 400, 2000).y).toBe(16);
  });
});
