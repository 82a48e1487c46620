import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { samplePack } from '../../../shared/course/testkit';
import { readPack, writePack } from './pack';
import { allPass, checkModelAnswers } from './run';
import { CourseError } from './errors';

async function zipOf(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function partsOf(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const e of Object.values(zip.files)) if (!e.dir) out[e.name] = await e.async('string');
  return out;
}

async function refusal(p: Promise<unknown>): Promise<{ code: string; reason: string; params: Record<string, unknown> }> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(CourseError);
    const e = err as CourseError;
    return { code: e.code, reason: e.reason, params: e.params };
  }
  throw new Error('expected a refusal');
}

describe('course pack file', () => {
  it('writes a zip of manifest and workspace JSON that reads back equal, byte-stable', async () => {
    const pack = samplePack();
    const bytes = await writePack(pack);
    const parts = await partsOf(bytes);
    expect(Object.keys(parts).sort()).toEqual(['answers/e1.json', 'answers/e2.json', 'manifest.json', 'workspaces/start.json']);
    expect(JSON.parse(parts['manifest.json'])).toMatchObject({ format: 'kohtaanto-course', formatVersion: 1, id: 'test-pack' });
    const back = await readPack(bytes, 'x.kohtaanto-course');
    expect(back).toEqual(pack);
    expect(Buffer.from(await writePack(back)).equals(Buffer.from(bytes))).toBe(true);
  });

  it("the sample's model answers pass their own checks", () => {
    const { results, missing } = checkModelAnswers(samplePack());
    expect(missing).toEqual([]);
    expect(results.map((r) => [r.exerciseId, allPass(r), r.passed, r.total])).toEqual([
      ['e1', true, 2, 3],
      ['e2', true, 1, 1],
    ]);
  });

  it('refuses what is not a pack, each with its own code', async () => {
    const good = await partsOf(await writePack(samplePack()));
    const manifest = JSON.parse(good['manifest.json']);
    expect(await refusal(readPack(new TextEncoder().encode('hello'), 'a'))).toMatchObject({ code: 'invalid_input', reason: 'notZip' });
    expect(await refusal(readPack(await zipOf({ 'readme.txt': 'x' }), 'a'))).toMatchObject({ reason: 'missingManifest' });
    expect(await refusal(readPack(await zipOf({ 'manifest.json': '{"format":"other"}' }), 'a'))).toMatchObject({ reason: 'wrongFormat' });
    expect(await refusal(readPack(await zipOf({ ...good, 'manifest.json': '{' }), 'a'))).toMatchObject({ reason: 'invalidManifest' });
    expect(await refusal(readPack(await zipOf({ ...good, 'manifest.json': JSON.stringify({ ...manifest, formatVersion: 2 }) }), 'a'))).toMatchObject({
      code: 'workspace_newer',
      reason: 'newerFormat',
      params: { version: 2, supported: 1 },
    });
    expect(await refusal(readPack(await zipOf({ ...good, 'manifest.json': JSON.stringify({ ...manifest, exercises: [] }) }), 'a'))).toMatchObject({ reason: 'invalidManifest' });
  });

  it('refuses damaged, newer, missing or stray parts', async () => {
    const good = await partsOf(await writePack(samplePack()));
    const ws = JSON.parse(good['workspaces/start.json']);
    expect(await refusal(readPack(await zipOf({ ...good, 'workspaces/start.json': '{"format":"kohtaanto-workspace"' }), 'a'))).toMatchObject({ reason: 'invalidWorkspace', params: { part: 'workspaces/start.json' } });
    expect(await refusal(readPack(await zipOf({ ...good, 'answers/e1.json': JSON.stringify({ ...ws, entities: [{ id: 'x', kind: 'persona' }] }) }), 'a'))).toMatchObject({ reason: 'invalidWorkspace', params: { part: 'answers/e1.json' } });
    expect(await refusal(readPack(await zipOf({ ...good, 'answers/e1.json': JSON.stringify({ ...ws, version: 3 }) }), 'a'))).toMatchObject({ reason: 'newerWorkspace' });
    expect(await refusal(readPack(await zipOf({ ...good, 'answers/nope.json': good['answers/e1.json'] }), 'a'))).toMatchObject({ reason: 'unknownExercise', params: { id: 'nope' } });
    const { 'workspaces/start.json': _gone, ...noStart } = good;
    expect(await refusal(readPack(await zipOf(noStart), 'a'))).toMatchObject({ reason: 'missingWorkspace', params: { id: 'start' } });
    const { 'answers/e1.json': _a, ...noAnswer } = good;
    expect(await refusal(readPack(await zipOf(noAnswer), 'a'))).toMatchObject({ reason: 'missingAnswer', params: { id: 'e1' } });
  });

  it('refuses a zip that unpacks beyond the limits before parsing anything', async () => {
    const good = await partsOf(await writePack(samplePack()));
    const bomb = await zipOf({ ...good, 'padding.txt': '0'.repeat(2 * 1024 * 1024) });
    expect((await refusal(readPack(bomb, 'a', { maxUncompressed: 1024 * 1024 }))).reason).toBe('tooLarge');
    const many: Record<string, string> = { ...good };
    for (let i = 0; i < 20; i++) many[`extra/${i}.txt`] = 'x';
    expect((await refusal(readPack(await zipOf(many), 'a', { maxEntries: 10 }))).reason).toBe('tooLarge');
  });
});
