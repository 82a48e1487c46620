import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '..';
import type { AppContext } from '../context';
import type { Registry } from '../registry';
import { tempDir } from '../test/tmp';
import { samplePack, workspaceJson, answerEntities, startEntities } from '../../../shared/course/testkit';
import type { CollectRow, WorkspaceDiff } from '../../../shared/api/course';
import type { CourseManifest, CourseProgress, ExerciseResult } from '../../../shared/course/types';
import { writePack, readPack } from '../course/pack';
import { createWorkspaceFile, seedWorkspace } from './workspace';

let dir: string;
let clock: Date;
const contexts: AppContext[] = [];
beforeEach(() => {
  dir = tempDir();
  clock = new Date('2026-01-15T10:00:00.000Z');
});
afterEach(() => {
  for (const c of contexts.splice(0)) c.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function backend(name = 'data'): { ctx: AppContext; registry: Registry } {
  const b = createBackend({ dataDir: path.join(dir, name), mode: 'browser', now: () => clock });
  contexts.push(b.ctx);
  return b;
}

const tick = (seconds: number) => (clock = new Date(clock.getTime() + seconds * 1000));

async function call<T>(registry: Registry, method: string, input: unknown = {}): Promise<T> {
  const r = await registry.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

async function refused(registry: Registry, method: string, input: unknown): Promise<{ code: string; details: { reason: string; params: Record<string, unknown> } }> {
  const r = await registry.call(method, input);
  if (r.ok) throw new Error(`${method} should have been refused`);
  return r.error as never;
}

async function packFile(over: Parameters<typeof samplePack>[0] = {}) {
  return { name: 'kurssi.kohtaanto-course', dataBase64: Buffer.from(await writePack(samplePack(over))).toString('base64') };
}

async function entityIds(registry: Registry): Promise<string[]> {
  return (await call<{ id: string }[]>(registry, 'entities.list')).map((e) => e.id).sort();
}

/** Joins as `participant`, fixes exercise 1 (a service for nB) and returns the copy's path. */
async function joinAndSolve(registry: Registry, participant: string): Promise<string> {
  const { path: file } = await call<{ path: string }>(registry, 'course.join', { pack: await packFile(), participant });
  const s = await call<{ id: string }>(registry, 'entities.create', { entity: { kind: 'service', name: { fi: 'Kohtaamispaikka' } } });
  await call(registry, 'links.create', { type: 'addresses', source: s.id, target: 'nB' });
  return file;
}

describe('participant mode', () => {
  it('joins a pack: a new copy in the workspaces folder, opened at the first exercise with its start', async () => {
    const { ctx, registry } = backend();
    const { path: file } = await call<{ path: string }>(registry, 'course.join', { pack: await packFile(), participant: 'Aino' });
    expect(path.dirname(file)).toBe(ctx.workspacesDir);
    expect(ctx.workspace?.path).toBe(file);
    expect(await entityIds(registry)).toEqual(startEntities().entities.map((e) => e.id).sort());
    const cur = await call<{ manifest: CourseManifest; progress: CourseProgress }>(registry, 'course.current');
    expect(cur.manifest.id).toBe('test-pack');
    expect(cur.progress).toMatchObject({ packId: 'test-pack', packRevision: 1, participant: 'Aino', currentExercise: 'e1', exercises: { e1: { startedAt: clock.toISOString(), secondsSpent: 0 } } });
    // The start state is not an undoable step of the participant.
    expect((await call<{ canUndo: boolean }>(registry, 'history.state')).canUndo).toBe(false);
  });

  it('a check fails with its hint and figures, then passes after the fix; time and the last result are kept', async () => {
    const { registry } = backend();
    await call(registry, 'course.join', { pack: await packFile(), participant: 'Aino' });
    tick(90);
    const before = await call<ExerciseResult>(registry, 'course.check', { exercise: 'e1' });
    expect(before).toMatchObject({ passed: 0, total: 3, secondsSpent: 90, coverage: 0.75 });
    expect(before.results[0]).toMatchObject({ checkId: 'gaps', status: 'failed', explanation: { key: 'gaps', params: { actual: 1, needed: 0 } }, hint: { fi: 'Linkitä palvelu tarpeeseen Ystävät.' } });
    // The participant has written nothing yet.
    expect(before.results[2]).toMatchObject({ status: 'failed', explanation: { key: 'freeAnswerEmpty' } });

    const s = await call<{ id: string }>(registry, 'entities.create', { entity: { kind: 'service', name: { fi: 'Kohtaamispaikka' } } });
    await call(registry, 'links.create', { type: 'addresses', source: s.id, target: 'nB' });
    await call(registry, 'course.saveAnswer', { exercise: 'e1', check: 'why', text: 'Ystävät puuttuivat.' });
    tick(30);
    const after = await call<ExerciseResult>(registry, 'course.check', { exercise: 'e1' });
    expect(after).toMatchObject({ passed: 2, total: 3, secondsSpent: 120, coverage: 1 });
    expect(after.results.map((r) => r.status)).toEqual(['passed', 'passed', 'review']);
    expect(after.results[0].hint).toBeUndefined();
    const progress = (await call<{ progress: CourseProgress }>(registry, 'course.current')).progress;
    expect(progress.exercises.e1).toMatchObject({ secondsSpent: 120, lastCheck: { at: clock.toISOString(), passed: 2, total: 3 }, freeAnswers: { why: 'Ystävät puuttuivat.' } });
  });

  it('reset restores the start as one undoable step; undo brings the work back', async () => {
    const { registry } = backend();
    await joinAndSolve(registry, 'Aino');
    await call(registry, 'entities.delete', { id: 'orgA' });
    const worked = await entityIds(registry);
    expect(worked).not.toEqual(startEntities().entities.map((e) => e.id).sort());
    await call(registry, 'course.resetExercise', { exercise: 'e1' });
    expect(await entityIds(registry)).toEqual(startEntities().entities.map((e) => e.id).sort());
    expect((await call<ExerciseResult>(registry, 'course.check', { exercise: 'e1' })).results[0].status).toBe('failed');
    const undone = await call<{ done: { key: string } }>(registry, 'history.undo');
    expect(undone.done).toMatchObject({ key: 'courseReset' });
    expect(await entityIds(registry)).toEqual(worked);
    expect((await call<ExerciseResult>(registry, 'course.check', { exercise: 'e1' })).results[0].status).toBe('passed');
    // Only the edits before it are left to undo: the reset was one step.
    expect((await call<{ undo: { key: string } }>(registry, 'history.state')).undo?.key).toBe('entityDelete');
  });

  it('goTo applies a later exercise’s start (the previous model answer) only the first time', async () => {
    const { registry } = backend();
    await call(registry, 'course.join', { pack: await packFile(), participant: 'Aino' });
    tick(60);
    const p = await call<CourseProgress>(registry, 'course.goTo', { exercise: 'e2' });
    expect(p).toMatchObject({ currentExercise: 'e2', exercises: { e1: { secondsSpent: 60 }, e2: { startedAt: clock.toISOString() } } });
    expect(await entityIds(registry)).toEqual(answerEntities().entities.map((e) => e.id).sort());
    await call(registry, 'entities.delete', { id: 'sB' });
    await call(registry, 'course.goTo', { exercise: 'e1' });
    await call(registry, 'course.goTo', { exercise: 'e2' });
    expect(await entityIds(registry)).not.toContain('sB');
    expect((await refused(registry, 'course.goTo', { exercise: 'nope' })).details).toMatchObject({ reason: 'noExercise' });
  });

  it('a start that cannot be applied changes nothing, not even the clock or the current exercise', async () => {
    const { ctx, registry } = backend();
    await call(registry, 'course.join', { pack: await packFile(), participant: 'Aino' });
    ctx.workspace!.db.prepare("DELETE FROM course_parts WHERE kind = 'answer'").run();
    const before = await call<{ progress: CourseProgress }>(registry, 'course.current');
    tick(60);
    expect((await refused(registry, 'course.goTo', { exercise: 'e2' })).details).toMatchObject({ reason: 'missingWorkspace', params: { id: 'e2' } });
    expect(await call(registry, 'course.current')).toEqual(before);
  });

  it('refuses course methods on a workspace that is not a copy', async () => {
    const { registry } = backend();
    await call(registry, 'workspace.create', { name: 'Tavallinen' });
    expect(await call(registry, 'course.current')).toBeNull();
    expect((await refused(registry, 'course.check', { exercise: 'e1' })).details).toMatchObject({ reason: 'notCopy' });
  });

  it('refuses a damaged pack on join and creates no file', async () => {
    const { ctx, registry } = backend();
    const err = await refused(registry, 'course.join', { pack: { name: 'x.kohtaanto-course', dataBase64: Buffer.from('not a zip').toString('base64') }, participant: 'Aino' });
    expect(err).toMatchObject({ code: 'invalid_input', details: { reason: 'notZip' } });
    expect(fs.readdirSync(ctx.workspacesDir)).toEqual([]);
  });

  it('lists the packs shipped with the app and joins one by id, like a pack file', async () => {
    const { ctx, registry } = backend();
    const list = await call<{ id: string; title: { fi?: string }; description: { fi?: string }; exercises: number }[]>(registry, 'course.shipped');
    expect(list.map((c) => c.id)).toEqual(['nuoret-kiinni-yhteiskunnassa', 'ulkomaiset-opiskelijat', 'jatkuva-oppiminen', 'laheisen-kuolema']);
    expect(list[3].title.fi).toBe('Läheisen kuolema');
    for (const c of list) {
      expect(c.exercises, c.id).toBeGreaterThanOrEqual(5);
      expect(c.description.fi?.length, c.id).toBeGreaterThan(10);
    }
    const { manifest } = await call<{ manifest: CourseManifest }>(registry, 'course.inspect', { pack: { shipped: 'laheisen-kuolema' } });
    expect(manifest.exercises.length).toBe(list[3].exercises);

    const { path: file } = await call<{ path: string }>(registry, 'course.join', { pack: { shipped: 'laheisen-kuolema' }, participant: 'Aino' });
    expect(path.dirname(file)).toBe(ctx.workspacesDir);
    expect(ctx.workspace?.path).toBe(file);
    const cur = await call<{ manifest: CourseManifest; progress: CourseProgress }>(registry, 'course.current');
    expect(cur.progress).toMatchObject({ packId: 'laheisen-kuolema', participant: 'Aino', currentExercise: manifest.exercises[0].id });
    const r = await call<ExerciseResult>(registry, 'course.check', { exercise: manifest.exercises[0].id });
    expect(r.total).toBe(manifest.exercises[0].checks.length);
    expect(r.results.some((c) => c.status === 'failed')).toBe(true);

    const err = await refused(registry, 'course.join', { pack: { shipped: 'ei-tallaista' }, participant: 'Aino' });
    expect(err).toMatchObject({ code: 'not_found', details: { reason: 'unknownShipped', params: { id: 'ei-tallaista' } } });
    // A path is not a shipped id: the contract refuses it before anything is read.
    expect((await refused(registry, 'course.join', { pack: { shipped: '../../etc/passwd' }, participant: 'Aino' })).code).toBe('invalid_input');
    expect(fs.readdirSync(ctx.workspacesDir).filter((f) => f.endsWith('.kohtaanto'))).toEqual([path.basename(file)]);
  });
});

describe('trainer mode', () => {
  it('authors a pack: export is refused while a model answer fails its checks, then succeeds', async () => {
    const { ctx, registry } = backend();
    const ws = createWorkspaceFile(ctx, { name: 'Kouluttaja' });
    seedWorkspace(ws, workspaceJson(startEntities()));
    ws.close();
    await call(registry, 'workspace.open', { path: path.join(ctx.workspacesDir, 'Kouluttaja.kohtaanto') });
    const manifest = samplePack().manifest;
    expect(await call(registry, 'course.draftGet')).toBeNull();
    await call(registry, 'course.draftPut', { manifest: { ...manifest, exercises: [manifest.exercises[0]] } });
    await call(registry, 'course.draftRecord', { as: { workspace: 'start' } });
    expect((await refused(registry, 'course.draftExport', {})).details).toMatchObject({ reason: 'missingAnswer', params: { id: 'e1' } });
    // The start itself as the model answer: its gap fails the checks.
    await call(registry, 'course.draftRecord', { as: { answer: 'e1' } });
    const refusal = await refused(registry, 'course.draftExport', {});
    expect(refusal.details).toMatchObject({ reason: 'answerFails', params: { exercise: 'e1', checks: 'gaps, cov' } });

    const s = await call<{ id: string }>(registry, 'entities.create', { entity: { kind: 'service', name: { fi: 'Kohtaamispaikka' } } });
    await call(registry, 'links.create', { type: 'addresses', source: s.id, target: 'nB' });
    await call(registry, 'course.draftRecord', { as: { answer: 'e1' } });
    expect(await call(registry, 'course.draftGet')).toMatchObject({ recorded: { workspaces: ['start'], answers: ['e1'] } });
    const out = await call<{ file: { name: string; dataBase64: string }; results: ExerciseResult[] }>(registry, 'course.draftExport');
    expect(out.file.name).toBe('Testikurssi.kohtaanto-course');
    expect(out.results.map((r) => r.results.map((c) => c.status))).toEqual([['passed', 'passed', 'review']]);
    const back = await readPack(Buffer.from(out.file.dataBase64, 'base64'));
    expect(back.answers.e1.entities.map((e) => e.id)).toContain(s.id);
    expect(back.workspaces.start.entities).toHaveLength(startEntities().entities.length);
  });

  it('collects many files: bad ones get their row error, the others still count, no file is changed', async () => {
    const a = backend('a');
    const fileA = await joinAndSolve(a.registry, 'Aino');
    await call(a.registry, 'course.saveAnswer', { exercise: 'e1', check: 'why', text: 'Koska.' });
    tick(120);
    await call(a.registry, 'course.check', { exercise: 'e1' });
    a.ctx.close();
    const b = backend('b');
    const { path: fileB } = await call<{ path: string }>(b.registry, 'course.join', { pack: await packFile(), participant: 'Bertil' });
    b.ctx.close();
    const c = backend('c');
    const { path: fileC } = await call<{ path: string }>(c.registry, 'course.join', { pack: await packFile({ id: 'other-pack' }), participant: 'Cecilia' });
    const plain = createWorkspaceFile(c.ctx, { name: 'Tavallinen' });
    const fileD = plain.path;
    plain.close();
    c.ctx.close();
    const d = backend('d');
    const { path: fileE } = await call<{ path: string }>(d.registry, 'course.join', { pack: await packFile({ revision: 2 }), participant: 'Daniel' });
    d.ctx.close();

    const read = (f: string) => ({ name: f, dataBase64: fs.readFileSync(f).toString('base64') });
    const files = [read(fileA), read(fileB), read(fileC), read(fileD), read(fileE), { name: 'roska.kohtaanto', dataBase64: Buffer.from('garbage').toString('base64') }];
    const before = files.map((f) => fs.readFileSync(f.name === 'roska.kohtaanto' ? fileA : f.name).toString('base64'));
    const t = backend('trainer');
    const rows = await call<CollectRow[]>(t.registry, 'course.collect', { pack: await packFile(), files });
    expect(rows.map((r) => [r.participant ?? null, r.error?.code ?? null])).toEqual([
      ['Aino', null],
      ['Bertil', null],
      ['Cecilia', 'otherPack'],
      [null, 'notCopy'],
      ['Daniel', 'newerRevision'],
      [null, 'notWorkspace'],
    ]);
    expect(rows[0].file).toBe(path.basename(fileA));
    expect(rows[0].exercises[0]).toMatchObject({ exerciseId: 'e1', passed: 2, total: 3, secondsSpent: 120, coverage: 1 });
    expect(rows[0].exercises[0].results[2]).toMatchObject({ status: 'review', explanation: { key: 'freeAnswerGiven' } });
    expect(rows[1].exercises[0]).toMatchObject({ passed: 0, coverage: 0.75 });
    expect(rows[2].error?.params).toEqual({ packId: 'other-pack' });
    expect(files.map((f) => fs.readFileSync(f.name === 'roska.kohtaanto' ? fileA : f.name).toString('base64'))).toEqual(before);

    // The table for course records: display names, no paths.
    const csv = await call<{ name: string; dataBase64: string }>(t.registry, 'course.exportResults', {
      rows,
      format: 'csv',
      language: 'fi',
      exercises: samplePack().manifest.exercises.map((e) => ({ id: e.id, title: e.title })),
    });
    const text = Buffer.from(csv.dataBase64, 'base64').toString('utf8').replace(/^\uFEFF/, '');
    const lines = text.trim().split(/\r\n/);
    expect(lines[0]).toBe('Osallistuja,Tiedosto,Täytä aukko: läpäistyt tarkistukset,Täytä aukko: minuutit,Täytä aukko: kattavuus,Persoona: läpäistyt tarkistukset,Persoona: minuutit,Persoona: kattavuus,Ei voitu laskea');
    expect(lines[1]).toBe(`Aino,${path.basename(fileA)},2/3,2,1,0/1,0,,`);
    expect(lines[3]).toBe(`Cecilia,${path.basename(fileC)},,,,,,,Tiedosto on toisesta kurssipaketista (other-pack).`);
    expect(text).not.toContain(dir);

    const xlsx = await call<{ name: string; dataBase64: string }>(t.registry, 'course.exportResults', { rows, format: 'xlsx', language: 'sv' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.dataBase64, 'base64') as never);
    const sheet = wb.getWorksheet('Resultat')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Deltagare');
    expect(sheet.getRow(2).getCell(3).value).toBe('2/3');
    expect(sheet.rowCount).toBe(7);
  });

  it('compares a participant’s file with the model answer', async () => {
    const a = backend('a');
    const { path: file } = await call<{ path: string }>(a.registry, 'course.join', { pack: await packFile(), participant: 'Aino' });
    await call(a.registry, 'entities.update', { entity: { ...(await call<{ entity: Record<string, unknown> }>(a.registry, 'entities.get', { id: 'p1' })).entity, ageMax: 29 } });
    a.ctx.close();
    const t = backend('trainer');
    const diff = await call<WorkspaceDiff>(t.registry, 'course.compare', {
      pack: await packFile(),
      base: { modelAnswer: 'e1' },
      other: { file: { name: path.basename(file), dataBase64: fs.readFileSync(file).toString('base64') } },
    });
    expect(diff.entities.added).toEqual([]);
    expect(diff.entities.removed).toEqual([{ id: 'sB', name: 'Kohtaamispaikka', kind: 'service' }]);
    expect(diff.entities.changed).toEqual([{ id: 'p1', name: 'Nuori oululainen', kind: 'persona', fields: ['ageMax'] }]);
    expect(diff.links).toEqual({ added: [], removed: [{ id: 'k7', type: 'addresses', source: 'sB', target: 'nB' }] });
  });
});
