import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../shared/api/result';
import { translator } from '../../renderer/src/i18n/catalogue';
import { describeError } from '../../renderer/src/i18n/errors';
import { createBackend } from '.';
import type { AppContext } from './context';
import type { Registry } from './registry';
import { fixedNow, tempDir } from './test/tmp';

let dir: string;
let ctx: AppContext;
let registry: Registry;

beforeEach(() => {
  dir = tempDir();
  ({ ctx, registry } = createBackend({ dataDir: dir, mode: 'desktop', now: fixedNow }));
});
afterEach(() => {
  ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function failure(method: string, input: unknown): Promise<ApiError> {
  const r = await registry.call(method, input);
  if (r.ok) throw new Error(`${method} did not fail`);
  return r.error;
}

const say = (lang: 'fi' | 'sv' | 'en', e: ApiError) => describeError(translator(lang), e as never);

describe('backend errors travel as codes and are said in the user language', () => {
  it('a file that is not a workspace, a missing workspace, and no workspace open', async () => {
    const file = path.join(dir, 'muistio.kohtaanto');
    fs.writeFileSync(file, 'ei tietokanta\n'.repeat(20));
    const notWs = await failure('workspace.open', { path: file });
    expect(notWs.msg).toEqual({ code: 'file.notSqlite', params: { file: 'muistio.kohtaanto' } });
    expect(notWs.message).toBe('muistio.kohtaanto is not a Kohtaanto workspace (not an SQLite file).');
    expect(say('fi', notWs)).toBe('Tiedosto ei ole Kohtaanto-työtila: muistio.kohtaanto ei ole Kohtaanto-työtila (se ei ole SQLite-tiedosto).');
    expect(say('sv', notWs)).toMatch(/muistio\.kohtaanto är inte en Kohtaanto-arbetsyta \(inte en SQLite-fil\)\.$/);

    const missing = await failure('workspace.open', { path: path.join(dir, 'puuttuu.kohtaanto') });
    expect(missing.msg?.code).toBe('file.noWorkspace');
    expect(say('fi', missing)).toContain(`Polussa ${path.join(dir, 'puuttuu.kohtaanto')} ei ole työtilaa.`);

    const none = await failure('entities.list', {});
    expect(none.msg).toEqual({ code: 'file.noneOpen' });
  });

  it('edits refused by the store: a link between the wrong kinds, a link to itself, an unknown entity', async () => {
    expect((await registry.call('workspace.create', { path: path.join(dir, 'w.kohtaanto'), name: 'T' })).ok).toBe(true);
    const s = await registry.call('entities.create', { entity: { kind: 'service', id: 's1', name: { fi: 'Palvelu' } } });
    const n = await registry.call('entities.create', { entity: { kind: 'need', id: 'n1', name: { fi: 'Tarve' } } });
    expect(s.ok && n.ok).toBe(true);
    const wrong = await failure('links.create', { type: 'provides', source: 'n1', target: 's1' });
    expect(wrong.msg?.code).toBe('edit.linkKinds');
    expect(say('fi', wrong)).toBe('Tiedot eivät kelpaa: Linkki "tarjoaa" kulkee kohteesta organisaatio kohteeseen palvelu, ei kohteesta palvelutarve kohteeseen palvelu.');
    const self = await failure('links.create', { type: 'refersTo', source: 's1', target: 's1' });
    expect(say('sv', self)).toMatch(/Ett objekt kan inte länkas till sig självt\./);
    const unknown = await failure('entities.delete', { id: 'nope' });
    expect(unknown.msg).toEqual({ code: 'edit.noEntity', params: { id: 'nope' } });
    expect(say('fi', unknown)).toBe('Ei löytynyt: Kohdetta nope ei ole.');
  });

  it('input the contract refuses names the fields in the user language, keeping the English detail for logs', async () => {
    const bad = await failure('workspace.open', { path: 42 });
    expect(bad.code).toBe('invalid_input');
    expect(bad.message).toMatch(/^Invalid input for workspace\.open: path: /);
    expect(bad.msg).toEqual({ code: 'api.invalidInput', params: { method: 'workspace.open', fields: 'path' } });
    expect(say('fi', bad)).toBe('Tiedot eivät kelpaa: Virheellinen syöte kutsulle workspace.open: path');
  });
});
