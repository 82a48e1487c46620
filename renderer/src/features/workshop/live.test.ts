import { describe, expect, it } from 'vitest';
import type { AgendaState, ProposalView, WorkshopEvent } from '../../../../shared/workshop/types';
import { applyEvent, applyEvents, formatTimer, remainingMs, roundResults, type LiveCommon } from './live';

const agenda: AgendaState = { steps: [], current: -1, timer: { state: 'stopped', durationMs: 0, elapsedMs: 0 } };
const base = (): LiveCommon => ({ agenda, proposals: [], notes: [], groups: [], rounds: [], comments: [], assessments: [], lastEventId: 10, mapRevision: 1 });
const at = '2026-03-02T08:00:00.000Z';
const comment = (id: number, cid: string, text: string): WorkshopEvent => ({ id, at, type: 'comment', data: { id: cid, target: { kind: 'entity', id: 'n1' }, text, author: null, createdAt: at } });

describe('applying live workshop events', () => {
  it('ignores an event it already has, so an overlap of a catch-up read and a resumed stream shows nothing twice', () => {
    const s1 = applyEvents(base(), [comment(11, 'c1', 'a'), comment(12, 'c2', 'b')]);
    const s2 = applyEvents(s1, [comment(12, 'c2', 'b'), comment(11, 'c1', 'a'), comment(13, 'c3', 'c')]);
    expect(s2.comments.map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
    expect(s2.lastEventId).toBe(13);
    expect(applyEvent(s2, comment(9, 'old', 'x'))).toBe(s2);
  });

  it('applies events in id order even when they arrive out of order', () => {
    const p = (id: number, status: ProposalView['status']): WorkshopEvent => ({
      id,
      at,
      type: 'proposal',
      data: { id: 'p1', proposal: { kind: 'need', name: 'N' }, lang: 'fi', author: 'Aino', createdAt: at, status, merged: [] },
    });
    const s = applyEvents(base(), [p(12, 'accepted'), p(11, 'pending')]);
    expect(s.proposals).toHaveLength(1);
    expect(s.proposals[0].status).toBe('accepted');
  });

  it('a deleted group leaves its notes ungrouped; a deleted comment goes', () => {
    let s = base();
    s = applyEvent(s, { id: 11, at, type: 'group', data: { id: 'g1', stepId: 's', title: 'G' } });
    s = applyEvent(s, { id: 12, at, type: 'note', data: { id: 'n1', stepId: 's', text: 't', author: null, createdAt: at, groupId: 'g1' } });
    s = applyEvent(s, comment(13, 'c1', 'x'));
    s = applyEvent(s, { id: 14, at, type: 'group.deleted', data: { id: 'g1' } });
    s = applyEvent(s, { id: 15, at, type: 'comment.deleted', data: { id: 'c1' } });
    expect(s.groups).toEqual([]);
    expect(s.notes[0].groupId).toBeNull();
    expect(s.comments).toEqual([]);
  });

  it('tracks the map revision and a participant’s role change', () => {
    let s: LiveCommon = { ...base(), me: { id: 'me', name: 'Aino', role: 'participant' } };
    s = applyEvent(s, { id: 11, at, type: 'map.changed', data: { revision: 5 } });
    s = applyEvent(s, { id: 12, at, type: 'you.updated', data: { role: 'observer' } });
    expect(s.mapRevision).toBe(5);
    expect(s.me?.role).toBe('observer');
  });
});

describe('the time box timer', () => {
  const start = Date.parse(at);
  it('counts down on the server clock, corrected by the offset', () => {
    const timer = { state: 'running' as const, durationMs: 600_000, elapsedMs: 60_000, startedAt: at };
    // The local clock is 2 s behind the server's: offset +2000.
    expect(remainingMs(timer, 2000, start + 8_000)).toBe(600_000 - 60_000 - 10_000);
    expect(remainingMs({ ...timer, state: 'paused' }, 2000, start + 8_000)).toBe(540_000);
  });
  it('shows whole minutes for a fresh box and a minus sign when over', () => {
    expect(formatTimer(600_000)).toBe('10:00');
    expect(formatTimer(59_001)).toBe('1:00');
    expect(formatTimer(-42_000)).toBe('−0:42');
  });
});

describe('round results', () => {
  it('sorts targets by dots, biggest first, with zeros kept', () => {
    const r = roundResults({
      id: 'r',
      title: 'T',
      targets: [
        { id: 'a', ref: { kind: 'text' }, label: 'A' },
        { id: 'b', ref: { kind: 'text' }, label: 'B' },
        { id: 'c', ref: { kind: 'text' }, label: 'C' },
      ],
      dotsPerPerson: 3,
      anonymous: true,
      open: true,
      openedAt: at,
      totals: { b: 4, c: 1 },
      voters: 2,
    });
    expect(r.map((x) => [x.id, x.dots])).toEqual([
      ['b', 4],
      ['c', 1],
      ['a', 0],
    ]);
  });
});
