// Workshop sessions over the real HTTP server on loopback: the participant door's allowlist,
// tokens, roles, anonymity, limits, resuming the event stream, moderation as one undo step, and
// the record left in the workspace.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../shared/api/contract';
import { participantMethods } from '../../shared/api/participant';
import { LIMITS } from '../../shared/workshop';
import { EventReader, fcall, join, pcall, request, startRig, type Rig } from './workshop.testkit';

let rig: Rig;
let base: string;

const AGENDA = [
  { id: 'intro', kind: 'info', title: 'Aloitus', minutes: 5 },
  { id: 'ideas', kind: 'brainstorm', title: 'Tarpeet', prompt: 'Mitä Aino tarvitsee?', minutes: 10 },
  { id: 'props', kind: 'propose', title: 'Ehdotukset', minutes: 10 },
  {
    id: 'mirror',
    kind: 'assessment',
    title: 'Peili',
    minutes: 10,
    questions: [
      { id: 'q1', text: 'Tavoitteet ovat mitattavia.' },
      { id: 'q2', text: 'Tieto kulkee.' },
    ],
    organisations: ['org-vm', 'org-dvv'],
  },
];

async function start(settings: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  return fcall(rig.registry, 'workshop.start', { settings: { title: 'Testipaja', ...settings }, agenda: AGENDA, ...extra });
}

describe('workshop sessions', () => {
  beforeEach(async () => {
    rig = await startRig({ hub: { limits: { writeBurst: 1000, writePerSecond: 1000, readBurst: 1000, readPerSecond: 1000 } } });
    base = rig.srv.url;
  });
  afterEach(async () => {
    await rig.close();
  });

  it('starts on loopback only unless an interface is picked, with a six-character join code', async () => {
    const s = await start();
    expect(s.code).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{6}$/);
    expect(s.listening).toEqual([{ address: '127.0.0.1', port: Number(new URL(base).port), url: `${base}w/` }]);
    expect(s.joinUrl).toBe(`${base}w/`);
    const again = await rig.registry.call('workshop.start', { settings: {} });
    expect(again.ok || again.error.details).toMatchObject({ reason: 'running' });
  });

  it('refuses every facilitator method and every path on the participant API, with a valid token too', async () => {
    const s = await start();
    const { token } = await join(base, s.code, 'Aino');
    const facilitatorMethods = Object.keys(contract);
    expect(facilitatorMethods.length).toBeGreaterThan(50);
    for (const m of facilitatorMethods) {
      const r = await pcall(base, m, m.startsWith('workspace.') ? { path: '/etc/passwd' } : {}, token);
      expect([m, r.status, r.body.ok || r.body.error.details.reason]).toEqual([m, 403, 'notAllowed']);
    }
    // No route around the allowlist: dot segments, encoded slashes, the facilitator's prefix.
    for (const target of ['/w/api/../../api/workspace.open', '/w/api/%2e%2e/%2e%2e/api/app.info', '/w/api/participant.state/../workspace.recent', '/w/api/workspace.open%00']) {
      const r = await request(base, 'POST', target, { body: '{"path":"/tmp/x.kohtaanto"}', headers: { Authorization: `Bearer ${token}` } });
      expect([target, r.status]).toEqual([target, r.status >= 400 && r.status < 500 ? r.status : 'not a 4xx']);
      expect(r.body.ok).toBe(false);
    }
    // The participant token is no key to the facilitator's API.
    for (const headers of [{ Authorization: `Bearer ${token}` }, { 'X-Kohtaanto-Key': token }] as Record<string, string>[]) {
      const r = await request(base, 'POST', '/api/workspace.recent', { body: '{}', headers });
      expect(r.status).toBe(401);
    }
    // Only the allowlisted methods exist for participants.
    expect(Object.keys(participantMethods).every((m) => m.startsWith('participant.'))).toBe(true);
  });

  it('on a LAN address serves only the participant door, answers only to that host, and stops listening when the session ends', async () => {
    // 127.0.0.2 stands in for a LAN address: a separate listener, as on the room's network.
    const s = await start({}, { interface: '127.0.0.2' });
    const lan = s.listening.find((l: { address: string }) => l.address === '127.0.0.2');
    expect(lan).toBeTruthy();
    expect(s.joinUrl).toBe(lan.url);
    const lanBase = `http://127.0.0.2:${lan.port}/`;
    const { token } = await join(lanBase, s.code, 'Aino');
    const state = await pcall(lanBase, 'participant.state', {}, token);
    expect(state.status).toBe(200);
    // The facilitator's API is not there at all, even with the launch key.
    const api = await request(lanBase, 'POST', '/api/app.info', { body: '{}', headers: { 'X-Kohtaanto-Key': rig.srv.key } });
    expect(api.status).toBe(404);
    const events = await request(lanBase, 'GET', `/api/events?k=${rig.srv.key}`);
    expect(events.status).toBe(404);
    // A rebinding page's Host is refused.
    const rebound = await request(lanBase, 'POST', '/w/api/participant.state', { body: '{}', headers: { Host: `evil.example:${lan.port}`, Authorization: `Bearer ${token}` } });
    expect(rebound.status).toBe(421);
    const foreign = await request(lanBase, 'POST', '/w/api/participant.state', { body: '{}', headers: { Origin: 'http://evil.example', Authorization: `Bearer ${token}` } });
    expect(foreign.status).toBe(403);
    await fcall(rig.registry, 'workshop.end', {});
    await expect(request(lanBase, 'POST', '/w/api/participant.state', { body: '{}', agent: new http.Agent() })).rejects.toThrow(/ECONNREFUSED/);
  });

  it('refuses an interface that is not this machine’s', async () => {
    const r = await rig.registry.call('workshop.start', { interface: '203.0.113.9', settings: {} });
    expect(r.ok ? null : r.error.details).toMatchObject({ reason: 'badInterface' });
    expect(await fcall(rig.registry, 'workshop.state')).toBeNull();
  });

  it('kills a token when the person is removed, closing their stream, and every token when the session ends', async () => {
    const s = await start();
    const a = await join(base, s.code, 'Aino');
    const b = await join(base, s.code, 'Bertil');
    const stream = new EventReader(base, a.token);
    await stream.open({ since: a.state.lastEventId });
    const st = await fcall(rig.registry, 'workshop.state');
    const aino = st.participants.find((p: { name: string }) => p.name === 'Aino');
    await fcall(rig.registry, 'workshop.removeParticipant', { participantId: aino.id });
    await stream.until((r) => r.ended);
    expect(stream.events.at(-1)).toMatchObject({ type: 'you.removed' });
    const refused = await pcall(base, 'participant.state', {}, a.token);
    expect([refused.status, refused.body.ok || refused.body.error.details.reason]).toEqual([401, 'removed']);
    const again = new EventReader(base, a.token);
    await again.open();
    expect(again.status).toBe(401);
    // Bertil is unaffected until the end.
    expect((await pcall(base, 'participant.state', {}, b.token)).status).toBe(200);
    await fcall(rig.registry, 'workshop.end', {});
    const ended = await pcall(base, 'participant.state', {}, b.token);
    expect([ended.status, ended.body.ok || ended.body.error.details.reason]).toEqual([401, 'ended']);
    const write = await pcall(base, 'participant.note', { stepId: 'ideas', text: 'x' }, b.token);
    expect(write.status).toBe(401);
  });

  it('lets an observer read but not write', async () => {
    const s = await start();
    const o = await join(base, s.code, 'Olli', { role: 'observer' });
    expect(o.state.me.role).toBe('observer');
    expect((await pcall(base, 'participant.map', {}, o.token)).status).toBe(200);
    const round = await fcall(rig.registry, 'workshop.openVote', { title: 'Aukot', targets: [{ ref: { kind: 'entity', id: 'need-ohjaus' } }] });
    const writes: [string, unknown][] = [
      ['participant.propose', { proposal: { kind: 'need', name: 'Asunto' } }],
      ['participant.note', { stepId: 'ideas', text: 'Asunto' }],
      ['participant.comment', { target: { kind: 'entity', id: 'need-ohjaus' }, text: 'Tärkeä' }],
      ['participant.vote', { roundId: round.roundId, ballot: { t1: 1 } }],
      ['participant.answer', { stepId: 'mirror', organisation: 'org-vm', answers: { q1: 3 } }],
    ];
    for (const [m, input] of writes) {
      const r = await pcall(base, m, input, o.token);
      expect([m, r.status, r.body.ok || r.body.error.details.reason]).toEqual([m, 403, 'observer']);
    }
    const st = await fcall(rig.registry, 'workshop.state');
    expect([st.proposals.length, st.notes.length, st.comments.length, st.rounds[0].voters]).toEqual([0, 0, 0, 0]);
  });

  it('sends participants only what the read-only map shows: ids, kinds, names in the session language and links', async () => {
    await start({ language: 'sv' });
    const s = await fcall(rig.registry, 'workshop.state');
    const a = await join(base, s.code, 'Aino');
    const map = ((await pcall(base, 'participant.map', {}, a.token)).body as any).value;
    const entities = await fcall<any[]>(rig.registry, 'entities.list', {});
    const links = await fcall<any[]>(rig.registry, 'links.list', {});
    expect(map.language).toBe('sv');
    expect(map.entities).toHaveLength(entities.length);
    expect(map.links).toHaveLength(links.length);
    for (const e of map.entities) expect(Object.keys(e).sort()).toEqual(['id', 'kind', 'name']);
    for (const l of map.links) expect(Object.keys(l).sort()).toEqual(['id', 'source', 'target', 'type']);
    // Names are already in the session's language (Swedish where the entity has it).
    const withSv = entities.find((e) => e.name.sv && e.name.sv !== e.name.fi);
    expect(map.entities.find((e: { id: string }) => e.id === withSv.id).name).toBe(withSv.name.sv);
    // Descriptions, keywords, persona meters and link evidence stay with the facilitator.
    const text = JSON.stringify(map);
    const described = entities.find((e) => (e.description.fi ?? '').length > 20);
    expect(text).not.toContain(described.description.fi);
    expect(text).not.toContain('"meters"');
    expect(text).not.toContain('"evidence"');
  });

  it('hides the names of people who join anonymously, from everyone and from the record', async () => {
    const s = await start();
    const anon = await join(base, s.code, null);
    const named = await join(base, s.code, 'Bertil');
    expect(anon.state.me.name).toBeNull();
    const watch = new EventReader(base, named.token);
    await watch.open({ since: named.state.lastEventId });
    await pcall(base, 'participant.propose', { proposal: { kind: 'need', name: 'Vertaistuki' } }, anon.token);
    await pcall(base, 'participant.note', { stepId: 'ideas', text: 'Kielikurssi' }, anon.token);
    await pcall(base, 'participant.comment', { target: { kind: 'entity', id: 'need-ohjaus' }, text: 'Puuttuu' }, anon.token);
    await watch.until((r) => r.events.some((e) => e.type === 'comment'));
    const seen = JSON.stringify(watch.events);
    const bertilView = (await pcall(base, 'participant.state', {}, named.token)).body as any;
    for (const list of [bertilView.value.proposals, bertilView.value.notes, bertilView.value.comments]) expect(list.map((x: { author: unknown }) => x.author)).toEqual([null]);
    const anonId = anon.state.me.id;
    // Other participants never learn the anonymous person's id either (it would tie their contributions together).
    expect(seen).not.toContain(anonId);
    expect(JSON.stringify(bertilView.value)).not.toContain(anonId);
    const st = await fcall(rig.registry, 'workshop.state');
    expect(st.participants.find((p: { id: string }) => p.id === anonId).name).toBeNull();
    const { recordId } = await fcall(rig.registry, 'workshop.end', {});
    const rec = await fcall(rig.registry, 'workshop.record', { id: recordId });
    expect(rec.participants).toEqual({ participants: 2, observers: 0, anonymous: 1 });
    expect(JSON.stringify(rec)).not.toContain('Bertil');
  });

  it('keeps display names in the record only when the facilitator chose so', async () => {
    const s = await start({ namesInRecord: true });
    const a = await join(base, s.code, 'Aino');
    await join(base, s.code, null);
    await pcall(base, 'participant.note', { stepId: 'ideas', text: 'Asunto' }, a.token);
    const { recordId } = await fcall(rig.registry, 'workshop.end', {});
    const rec = await fcall(rig.registry, 'workshop.record', { id: recordId });
    expect(rec.participants).toEqual({ participants: 2, observers: 0, anonymous: 1, names: ['Aino'] });
    expect(rec.notes[0].author).toBe('Aino');
  });

  it('refuses anonymous joining where not allowed, and a full session', async () => {
    const s = await start({ allowAnonymous: false, maxParticipants: 2 });
    const anon = await pcall(base, 'participant.join', { code: s.code, anonymous: true });
    expect([anon.status, anon.body.ok || anon.body.error.details.reason]).toEqual([400, 'anonymousNotAllowed']);
    await join(base, s.code, 'A');
    await join(base, s.code.toLowerCase(), 'B');
    const third = await pcall(base, 'participant.join', { code: s.code, displayName: 'C' });
    expect([third.status, third.body.ok || third.body.error.details.reason]).toEqual([503, 'full']);
  });

  it('answers wrong join codes with a clear refusal and a growing delay per client address', async () => {
    const s = await start();
    const wrong = s.code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA';
    const tryCode = (code: string) => pcall(base, 'participant.join', { code, displayName: 'Aino' });
    for (let i = 0; i < 2; i++) {
      const r = await tryCode(wrong);
      expect([r.status, r.body.ok || r.body.error.details.reason, r.headers['retry-after']]).toEqual([401, 'wrongCode', undefined]);
    }
    const third = await tryCode(wrong);
    expect([third.status, third.body.ok || third.body.error.details.reason, third.headers['retry-after']]).toEqual([401, 'wrongCode', '1']);
    // Even the right code waits now.
    const waiting = await tryCode(s.code);
    expect([waiting.status, waiting.body.ok || waiting.body.error.details.reason, waiting.headers['retry-after']]).toEqual([429, 'wait', '1']);
    rig.advance(1000);
    const fourth = await tryCode(wrong);
    expect(fourth.headers['retry-after']).toBe('2');
    rig.advance(2000);
    const fifth = await tryCode(wrong);
    expect(fifth.headers['retry-after']).toBe('4');
    rig.advance(4000);
    const ok = await tryCode(s.code);
    expect(ok.status).toBe(200);
    // The right code cleared the count.
    expect((await tryCode(wrong)).headers['retry-after']).toBeUndefined();
  });

  it('limits each participant’s rate: a burst, then a steady rate', async () => {
    await rig.close();
    rig = await startRig({ hub: { limits: { writeBurst: 3, writePerSecond: 1, readBurst: 100, readPerSecond: 100 } } });
    base = rig.srv.url;
    const s = await start();
    const a = await join(base, s.code, 'Aino');
    const b = await join(base, s.code, 'Bertil');
    const note = (token: string, i: number) => pcall(base, 'participant.note', { stepId: 'ideas', text: `lappu ${i}` }, token);
    for (let i = 0; i < 3; i++) expect((await note(a.token, i)).status).toBe(200);
    const over = await note(a.token, 3);
    expect([over.status, over.body.ok || over.body.error.details.reason, over.headers['retry-after']]).toEqual([429, 'rateLimited', '1']);
    // Another person has their own bucket.
    expect((await note(b.token, 0)).status).toBe(200);
    rig.advance(1000);
    expect((await note(a.token, 4)).status).toBe(200);
    expect((await note(a.token, 5)).status).toBe(429);
    // Nothing half-applied: exactly the accepted notes exist.
    const st = await fcall(rig.registry, 'workshop.state');
    expect(st.notes.map((n: { text: string }) => n.text).sort()).toEqual(['lappu 0', 'lappu 0', 'lappu 1', 'lappu 2', 'lappu 4']);
  });

  it('refuses a body over the limit, text over its length and control characters; markup stays plain text', async () => {
    const s = await start();
    const a = await join(base, s.code, 'Aino');
    const big = await pcall(base, 'participant.note', { stepId: 'ideas', text: 'x'.repeat(LIMITS.body + 10) }, a.token);
    expect([big.status, big.body.ok || big.body.error.details.reason]).toEqual([413, 'tooLarge']);
    const long = await pcall(base, 'participant.note', { stepId: 'ideas', text: 'x'.repeat(LIMITS.note + 1) }, a.token);
    expect([long.status, long.body.ok || long.body.error.details.reason]).toEqual([400, 'invalid']);
    expect(JSON.stringify((long.body as any).error.details.issues)).toContain('workshop.tooLong');
    const ctl = await pcall(base, 'participant.note', { stepId: 'ideas', text: 'a\u0007b' }, a.token);
    expect(ctl.status).toBe(400);
    const html = await pcall(base, 'participant.note', { stepId: 'ideas', text: '<img src=x onerror=alert(1)>' }, a.token);
    expect(html.status).toBe(200);
    const st = await fcall(rig.registry, 'workshop.state');
    expect(st.notes.map((n: { text: string }) => n.text)).toEqual(['<img src=x onerror=alert(1)>']);
    const noName = await pcall(base, 'participant.join', { code: s.code, displayName: 'A'.repeat(LIMITS.displayName + 1) });
    expect(noName.status).toBe(400);
  });

  it('resumes a dropped stream with every event exactly once, by Last-Event-ID', async () => {
    const s = await start();
    const a = await join(base, s.code, 'Aino');
    const b = await join(base, s.code, 'Bertil');
    const first = new EventReader(base, a.token);
    await first.open({ since: a.state.lastEventId });
    for (let i = 0; i < 10; i++) await pcall(base, 'participant.note', { stepId: 'ideas', text: `ennen ${i}` }, b.token);
    await first.until((r) => r.events.filter((e) => e.type === 'note').length === 10);
    first.close();
    const lastSeen = first.ids.at(-1)!;
    // While Aino's Wi-Fi is down, things keep happening.
    for (let i = 0; i < 10; i++) await pcall(base, 'participant.note', { stepId: 'ideas', text: `aikana ${i}` }, b.token);
    await fcall(rig.registry, 'workshop.gotoStep', { index: 1 });
    const second = new EventReader(base, a.token);
    // The page's own `since` is older, but the browser's Last-Event-ID wins.
    await second.open({ since: a.state.lastEventId, lastEventId: lastSeen });
    for (let i = 0; i < 10; i++) await pcall(base, 'participant.note', { stepId: 'ideas', text: `jälkeen ${i}` }, b.token);
    await second.until((r) => r.events.filter((e) => e.type === 'note').length === 20);
    const all = [...first.events, ...second.events].filter((e): e is any => e.type === 'note');
    expect(all.map((e) => e.data.text)).toEqual([...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `ennen ${i}`), ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `aikana ${i}`), ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `jälkeen ${i}`)]);
    const ids = [...first.ids, ...second.ids];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    // Aino saw every event meant for everyone, with no gap.
    const st = await fcall(rig.registry, 'workshop.events', { since: a.state.lastEventId });
    const forAll = st.events.filter((e: { type: string }) => !e.type.startsWith('participant.')).map((e: { id: number }) => e.id);
    expect(ids).toEqual(forAll);
    expect([...first.events, ...second.events].some((e) => e.type === 'agenda')).toBe(true);
    second.close();
  });

  it('accepting a proposal is one undoable edit credited to its author; reject and merge keep the map as it is', async () => {
    const s = await start();
    const a = await join(base, s.code, 'Aino');
    const b = await join(base, s.code, 'Bertil');
    const watch = new EventReader(base, b.token);
    await watch.open({ since: b.state.lastEventId });
    const p1 = (await pcall(base, 'participant.propose', { proposal: { kind: 'need', name: 'Vertaistuki', description: 'Toisten nuorten tuki', lifeEvent: 'le-nuoret' } }, a.token)).body as any;
    const p2 = (await pcall(base, 'participant.propose', { proposal: { kind: 'need', name: 'Vertaistukea' } }, b.token)).body as any;
    const p3 = (await pcall(base, 'participant.propose', { proposal: { kind: 'link', service: 'srv-aab55d57', need: 'need-toimeentulo' } }, b.token)).body as any;
    const bad = await pcall(base, 'participant.propose', { proposal: { kind: 'link', service: 'need-ohjaus', need: 'need-toimeentulo' } }, b.token);
    expect([bad.status, bad.body.ok || bad.body.error.details.reason]).toEqual([404, 'notFound']);
    const before = await fcall(rig.registry, 'workspace.stats');
    const historyBefore = await fcall(rig.registry, 'history.state');

    const merged = await fcall(rig.registry, 'workshop.moderate', { action: 'merge', proposalId: p2.value.proposalId, into: p1.value.proposalId });
    expect(merged.status).toBe('merged');
    const rejected = await fcall(rig.registry, 'workshop.moderate', { action: 'reject', proposalId: p3.value.proposalId, reason: 'Palvelu ei myönnä toimeentulotukea.' });
    expect(rejected.status).toBe('rejected');
    expect(await fcall(rig.registry, 'workspace.stats')).toEqual(before);
    expect(await fcall(rig.registry, 'history.state')).toEqual(historyBefore);

    const accepted = await fcall(rig.registry, 'workshop.moderate', { action: 'accept', proposalId: p1.value.proposalId });
    expect(accepted.entities).toHaveLength(1);
    expect(accepted.links).toHaveLength(1);
    const need = await fcall(rig.registry, 'entities.get', { id: accepted.entities[0] });
    expect(need.entity).toMatchObject({ kind: 'need', name: { fi: 'Vertaistuki' }, description: { fi: 'Toisten nuorten tuki' } });
    expect(need.links).toMatchObject([{ type: 'hasNeed', source: 'le-nuoret', target: accepted.entities[0] }]);
    const h = await fcall(rig.registry, 'history.state');
    expect(h.undoLabel).toBe('Create need "Vertaistuki" (proposed by Aino, Bertil)');
    expect(h.undo).toMatchObject({ key: 'workshopCreate', params: { by: 'Aino, Bertil', kind: 'need' } });
    // Everyone sees the fate of each proposal and that the map changed.
    await watch.until((r) => r.events.some((e) => e.type === 'map.changed'));
    const fates = watch.events.filter((e): e is any => e.type === 'proposal').map((e) => [e.data.id, e.data.status]);
    expect(fates).toContainEqual([p1.value.proposalId, 'accepted']);
    expect(fates).toContainEqual([p3.value.proposalId, 'rejected']);
    const aState = (await pcall(base, 'participant.state', {}, a.token)).body as any;
    expect(aState.value.proposals.find((p: { id: string }) => p.id === p3.value.proposalId).reason).toBe('Palvelu ei myönnä toimeentulotukea.');
    const map = (await pcall(base, 'participant.map', {}, a.token)).body as any;
    expect(map.value.entities.some((e: { id: string }) => e.id === accepted.entities[0])).toBe(true);

    // One undo takes the whole proposal back: the need and its link.
    await fcall(rig.registry, 'history.undo');
    expect(await fcall(rig.registry, 'workspace.stats')).toEqual(before);
    expect(await fcall(rig.registry, 'history.state')).toMatchObject({ canUndo: historyBefore.canUndo, undoLabel: historyBefore.undoLabel });
    // A decided proposal cannot be decided again.
    const twice = await rig.registry.call('workshop.moderate', { action: 'reject', proposalId: p1.value.proposalId, reason: 'x' });
    expect(twice.ok ? null : twice.error.details).toMatchObject({ reason: 'alreadyDecided' });
    watch.close();
  });

  it('credits an anonymous proposal to "anonymous", and a correction edits the entity in one step', async () => {
    const s = await start();
    const anon = await join(base, s.code, null);
    const p = (await pcall(base, 'participant.propose', { proposal: { kind: 'correction', entity: 'need-ohjaus', text: 'Nimi on harhaanjohtava', name: 'Ohjaus ja neuvonta' } }, anon.token)).body as any;
    await fcall(rig.registry, 'workshop.moderate', { action: 'accept', proposalId: p.value.proposalId });
    const h = await fcall(rig.registry, 'history.state');
    expect(h.undo).toMatchObject({ key: 'workshopCorrectAnonymous' });
    expect(h.undoLabel).toMatch(/\(proposed anonymously\)$/);
    expect((await fcall(rig.registry, 'entities.get', { id: 'need-ohjaus' })).entity.name.fi).toBe('Ohjaus ja neuvonta');
    await fcall(rig.registry, 'history.undo');
    expect((await fcall(rig.registry, 'entities.get', { id: 'need-ohjaus' })).entity.name.fi).not.toBe('Ohjaus ja neuvonta');
  });

  it('turns brainstorm groups into needs in one undoable step', async () => {
    const s = await start();
    const a = await join(base, s.code, 'Aino');
    const ids: string[] = [];
    for (const text of ['Vuokra-asunto', 'Asumisneuvonta', 'Suomen kielen kurssi']) ids.push(((await pcall(base, 'participant.note', { stepId: 'ideas', text }, a.token)).body as any).value.noteId);
    const g1 = await fcall(rig.registry, 'workshop.groupNotes', { noteIds: ids.slice(0, 2), title: 'Asuminen' });
    const g2 = await fcall(rig.registry, 'workshop.groupNotes', { noteIds: [ids[2]], title: 'Kieli' });
    const before = await fcall(rig.registry, 'workspace.stats');
    const { needs } = await fcall(rig.registry, 'workshop.groupsToNeeds', { groupIds: [g1.groupId, g2.groupId], lifeEvent: 'le-kotoa' });
    expect(needs).toHaveLength(2);
    const housing = await fcall(rig.registry, 'entities.get', { id: needs[0] });
    expect(housing.entity.name.fi).toBe('Asuminen');
    expect(housing.entity.description.fi).toBe('– Vuokra-asunto\n– Asumisneuvonta');
    expect(housing.links[0]).toMatchObject({ type: 'hasNeed', source: 'le-kotoa' });
    expect((await fcall(rig.registry, 'history.state')).undo).toMatchObject({ key: 'workshopNeeds', params: { count: 2 } });
    await fcall(rig.registry, 'history.undo');
    expect(await fcall(rig.registry, 'workspace.stats')).toEqual(before);
  });

  it('runs anonymous dot voting with N dots per person and live totals', async () => {
    const s = await start();
    const a = await join(base, s.code, 'Aino');
    const b = await join(base, s.code, 'Bertil');
    const { roundId } = await fcall(rig.registry, 'workshop.openVote', {
      title: 'Tärkeimmät aukot',
      dotsPerPerson: 3,
      targets: [{ ref: { kind: 'entity', id: 'need-ohjaus' } }, { ref: { kind: 'text' }, label: 'Asuminen' }],
    });
    expect((await pcall(base, 'participant.vote', { roundId, ballot: { t1: 2, t2: 1 } }, a.token)).body).toMatchObject({ ok: true, value: { used: 3, left: 0 } });
    const over = await pcall(base, 'participant.vote', { roundId, ballot: { t1: 4 } }, b.token);
    expect([over.status, over.body.ok || over.body.error.details.reason]).toEqual([409, 'tooManyDots']);
    await pcall(base, 'participant.vote', { roundId, ballot: { t2: 3 } }, b.token);
    // Sending the ballot again replaces it.
    await pcall(base, 'participant.vote', { roundId, ballot: { t2: 2 } }, b.token);
    const st = await fcall(rig.registry, 'workshop.state');
    expect(st.rounds[0]).toMatchObject({ totals: { t1: 2, t2: 3 }, voters: 2, anonymous: true });
    expect(st.rounds[0].names).toBeUndefined();
    expect(st.rounds[0].targets[0].label).toBe((await fcall(rig.registry, 'entities.get', { id: 'need-ohjaus' })).entity.name.fi);
    const events = await fcall(rig.registry, 'workshop.events', { since: 0 });
    expect(events.events.filter((e: { type: string; authorId?: string }) => e.type === 'vote' && e.authorId)).toEqual([]);
    await fcall(rig.registry, 'workshop.closeVote', { roundId });
    const late = await pcall(base, 'participant.vote', { roundId, ballot: { t1: 1 } }, b.token);
    expect([late.status, late.body.ok || late.body.error.details.reason]).toEqual([409, 'roundClosed']);
  });

  it('keeps the agenda, the current step and a server-time timer', async () => {
    await start();
    const s1 = await fcall(rig.registry, 'workshop.gotoStep', { index: 1 });
    expect(s1.agenda.current).toBe(1);
    expect(s1.agenda.timer).toMatchObject({ state: 'running', durationMs: 600_000, elapsedMs: 0, startedAt: '2026-03-02T08:00:00.000Z' });
    rig.advance(90_000);
    const paused = await fcall(rig.registry, 'workshop.timer', { action: 'pause' });
    expect(paused.agenda.timer).toMatchObject({ state: 'paused', elapsedMs: 90_000 });
    const extended = await fcall(rig.registry, 'workshop.timer', { action: 'extend', minutes: 5 });
    expect(extended.agenda.timer.durationMs).toBe(900_000);
    rig.advance(60_000);
    const s2 = await fcall(rig.registry, 'workshop.gotoStep', { index: 2 });
    expect(s2.agenda.steps[1]).toMatchObject({ startedAt: '2026-03-02T08:00:00.000Z', endedAt: '2026-03-02T08:02:30.000Z' });
    expect(s2.agenda.steps[2].startedAt).toBe('2026-03-02T08:02:30.000Z');
  });

  it('saves the readiness self-assessment as picture surveys, one per organisation', async () => {
    const s = await start();
    const a = await join(base, s.code, 'Aino');
    const b = await join(base, s.code, null);
    await pcall(base, 'participant.answer', { stepId: 'mirror', organisation: 'org-vm', answers: { q1: 4, q2: null } }, a.token);
    await pcall(base, 'participant.answer', { stepId: 'mirror', organisation: 'org-vm', answers: { q1: 2, q2: 5 } }, b.token);
    await pcall(base, 'participant.answer', { stepId: 'mirror', organisation: 'org-dvv', answers: { q1: 5 } }, b.token);
    const notAsked = await pcall(base, 'participant.answer', { stepId: 'mirror', organisation: 'org-digifinland', answers: { q1: 5 } }, b.token);
    expect(notAsked.status).toBe(404);
    const wrongStep = await pcall(base, 'participant.answer', { stepId: 'ideas', organisation: 'org-vm', answers: { q1: 5 } }, b.token);
    expect([wrongStep.status, wrongStep.body.ok || wrongStep.body.error.details.reason]).toEqual([400, 'notAssessment']);
    expect(a.state.organisations.map((o: { id: string }) => o.id).sort()).toEqual(['org-dvv', 'org-vm']);
    const { recordId } = await fcall(rig.registry, 'workshop.end', {});
    const surveys = await fcall(rig.registry, 'picture.list', { kind: 'survey' });
    expect(surveys).toHaveLength(2);
    const vm = surveys.find((x: { id: string }) => x.id.endsWith('org-vm'));
    expect(vm.name.fi).toMatch(/^Peili: .+ \(2026-03-02\)$/);
    // Each survey names the organisation, the assessment and the session, for comparing them.
    expect(vm.assessment).toEqual({ series: 'mirror', organisation: 'org-vm', session: s.id, title: 'Peili', startedAt: '2026-03-02T08:00:00.000Z' });
    expect(vm.questions).toEqual([
      { id: 'q1', text: { fi: 'Tavoitteet ovat mitattavia.' }, counts: { 1: 0, 2: 1, 3: 0, 4: 1, 5: 0 }, cannotSay: 0 },
      { id: 'q2', text: { fi: 'Tieto kulkee.' }, counts: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 1 }, cannotSay: 1 },
    ]);
    const rec = await fcall(rig.registry, 'workshop.record', { id: recordId });
    expect(rec.assessments[0].surveys).toHaveLength(2);
  });

  it('saves a record of the session in the workspace when it ends, readable through the API and after reopening', async () => {
    const s = await start();
    const a = await join(base, s.code, 'Aino');
    await fcall(rig.registry, 'workshop.gotoStep', { index: 0 });
    rig.advance(5 * 60_000);
    await fcall(rig.registry, 'workshop.gotoStep', { index: 1 });
    const n = ((await pcall(base, 'participant.note', { stepId: 'ideas', text: 'Asunto' }, a.token)).body as any).value.noteId;
    const p = ((await pcall(base, 'participant.propose', { proposal: { kind: 'need', name: 'Asunto' } }, a.token)).body as any).value.proposalId;
    await fcall(rig.registry, 'workshop.moderate', { action: 'reject', proposalId: p, reason: 'On jo kartalla' });
    await pcall(base, 'participant.comment', { target: { kind: 'note', id: n }, text: 'Hyvä' }, a.token);
    const { roundId } = await fcall(rig.registry, 'workshop.openVote', { title: 'Äänestys', targets: [{ ref: { kind: 'proposal', id: p } }] });
    await pcall(base, 'participant.vote', { roundId, ballot: { t1: 2 } }, a.token);
    rig.advance(60_000);
    const { recordId } = await fcall(rig.registry, 'workshop.end', {});
    expect(await fcall(rig.registry, 'workshop.state')).toBeNull();
    const list = await fcall(rig.registry, 'workshop.records');
    expect(list).toEqual([{ id: recordId, title: 'Testipaja', startedAt: '2026-03-02T08:00:00.000Z', endedAt: '2026-03-02T08:06:00.000Z', participants: 1, proposals: 1, accepted: 0 }]);
    const rec = await fcall(rig.registry, 'workshop.record', { id: recordId });
    expect(rec.agenda.slice(0, 2).map((x: { startedAt?: string; endedAt?: string }) => [x.startedAt, x.endedAt])).toEqual([
      ['2026-03-02T08:00:00.000Z', '2026-03-02T08:05:00.000Z'],
      ['2026-03-02T08:05:00.000Z', '2026-03-02T08:06:00.000Z'],
    ]);
    expect(rec.proposals).toMatchObject([{ status: 'rejected', reason: 'On jo kartalla', author: null }]);
    expect(rec.rounds).toMatchObject([{ title: 'Äänestys', totals: { t1: 2 }, voters: 1, open: true }]);
    expect(rec.comments).toMatchObject([{ text: 'Hyvä', target: { kind: 'note', id: n } }]);
    // It is in the file: a fresh open reads it back.
    const file = (await fcall(rig.registry, 'workspace.current')).path;
    await fcall(rig.registry, 'workspace.close');
    await fcall(rig.registry, 'workspace.open', { path: file });
    expect((await fcall(rig.registry, 'workshop.records')).map((r: { id: string }) => r.id)).toEqual([recordId]);
  });

  it('ends the session and keeps its record when the workspace is closed under it', async () => {
    const s = await start();
    const a = await join(base, s.code, 'Aino');
    await pcall(base, 'participant.note', { stepId: 'ideas', text: 'Asunto' }, a.token);
    const file = (await fcall(rig.registry, 'workspace.current')).path;
    await fcall(rig.registry, 'workspace.close');
    expect(await fcall(rig.registry, 'workshop.state')).toBeNull();
    expect((await pcall(base, 'participant.state', {}, a.token)).body).toMatchObject({ ok: false, error: { details: { reason: 'ended' } } });
    await fcall(rig.registry, 'workspace.open', { path: file });
    const [info] = await fcall(rig.registry, 'workshop.records');
    expect((await fcall(rig.registry, 'workshop.record', { id: info.id })).notes).toHaveLength(1);
  });

  it('ships three templates in fi/sv/en and saves the facilitator’s own agenda as a template', async () => {
    const list = await fcall(rig.registry, 'workshop.templates');
    expect(list.map((t: { id: string }) => t.id)).toEqual(['builtin-ecosystem', 'builtin-picture-review', 'builtin-mirror']);
    for (const t of list) {
      for (const step of t.steps) for (const l of ['fi', 'sv', 'en']) expect([t.id, step.id, l, Boolean(step.title[l])]).toEqual([t.id, step.id, l, true]);
    }
    const s = await fcall(rig.registry, 'workshop.start', { template: 'builtin-mirror', settings: { language: 'sv' } });
    expect(s.title).toBe('Spegel för kunskapsbaserad ledning: självvärdering av beredskapen');
    expect(s.agenda.steps.map((x: { kind: string }) => x.kind)).toEqual(['info', 'assessment', 'discuss', 'brainstorm']);
    expect(s.agenda.steps[1].questions[0].text).toBe('Våra mål är formulerade som mätbara indikatorer.');
    await fcall(rig.registry, 'workshop.setAgenda', { steps: [...s.agenda.steps.map(({ startedAt: _a, endedAt: _b, ...x }: any) => x), { id: 'fika', kind: 'break', title: 'Kaffe', minutes: 15 }] });
    const own = await fcall(rig.registry, 'workshop.saveTemplate', { name: 'Min spegel' });
    expect(own).toMatchObject({ builtIn: false, name: { sv: 'Min spegel' } });
    expect(own.steps.at(-1)).toMatchObject({ id: 'fika', title: { sv: 'Kaffe' }, minutes: 15 });
    expect((await fcall(rig.registry, 'workshop.templates')).map((t: { id: string }) => t.id)).toContain(own.id);
    expect(fs.existsSync(path.join(rig.dir, 'data', 'workshop-templates.json'))).toBe(true);
    const del = await rig.registry.call('workshop.deleteTemplate', { id: 'builtin-ecosystem' });
    expect(del.ok).toBe(false);
    await fcall(rig.registry, 'workshop.deleteTemplate', { id: own.id });
    expect((await fcall(rig.registry, 'workshop.templates')).length).toBe(3);
  });

  it('pushes every session event to the facilitator’s app with author ids for moderation', async () => {
    const got: any[] = [];
    rig.ctx.subscribe((event, payload) => {
      if (event === 'workshop.event') got.push(payload);
    });
    const s = await start();
    const a = await join(base, s.code, null);
    await pcall(base, 'participant.propose', { proposal: { kind: 'need', name: 'Asunto' } }, a.token);
    const proposal = got.find((e) => e.type === 'proposal');
    expect(proposal.authorId).toBe(a.state.me.id);
    expect(proposal.data.author).toBeNull();
    expect(got.map((e) => e.id)).toEqual([...got.map((e) => e.id)].sort((x, y) => x - y));
  });
});

describe('a workshop session in the desktop app (no web server of its own)', () => {
  it('opens a participants-only listener on loopback when no LAN address is picked, and closes it at the end', async () => {
    const { createBackend } = await import('../backend');
    const { workshopHub } = await import('../backend/workshop/hub');
    const { startParticipantListener } = await import('./participant');
    const { tempDir } = await import('../backend/test/tmp');
    const dir = tempDir();
    const { ctx, registry } = createBackend({ dataDir: path.join(dir, 'data'), mode: 'desktop' });
    try {
      const hub = workshopHub(ctx);
      hub.attachNetwork({ open: (address, port) => startParticipantListener({ hub, address, port, anyPortIfTaken: !port }) });
      await fcall(registry, 'workspace.create', { name: 'Työpöytä', example: true });
      const s = await fcall(registry, 'workshop.start', { settings: {} });
      expect(s.listening).toHaveLength(1);
      expect(s.listening[0].address).toBe('127.0.0.1');
      const lanBase = `http://127.0.0.1:${s.listening[0].port}/`;
      const { token } = await join(lanBase, s.code, 'Aino');
      expect((await pcall(lanBase, 'participant.state', {}, token)).status).toBe(200);
      expect((await request(lanBase, 'POST', '/api/app.info', { body: '{}' })).status).toBe(404);
      await fcall(registry, 'workshop.end', {});
      await expect(request(lanBase, 'POST', '/w/api/participant.state', { body: '{}', agent: new http.Agent() })).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      ctx.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
