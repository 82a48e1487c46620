/**
 * A region-sized workspace for the benches that measure the app in Chromium: the real PTV records
 * of ../shared/data/ptv cloned under new ids, imported as PTV pages (as bench/import-ptv makes them).
 */
import fs from 'node:fs';
import path from 'node:path';
import { importFiles } from '../electron/backend/io/import';
import { Workspace } from '../electron/backend/store/workspace';

export const DATA = process.env.KOHTAANTO_SHARED_DATA ?? path.resolve(__dirname, '../../shared/data');
const PAGE = 1000;

function realServices(): Record<string, unknown>[] {
  const dir = path.join(DATA, 'ptv');
  const out: Record<string, unknown>[] = [];
  for (const f of fs.readdirSync(path.join(dir, 'legacy/services'))) out.push(JSON.parse(fs.readFileSync(path.join(dir, 'legacy/services', f), 'utf8')));
  out.push(JSON.parse(fs.readFileSync(path.join(dir, 'v11/service-etalukio.json'), 'utf8')));
  out.push(...(Object.values(JSON.parse(fs.readFileSync(path.join(dir, 'v11/services-list.json'), 'utf8'))) as Record<string, unknown>[]));
  return out;
}

/** A workspace of `count` real services under new ids, imported as PTV pages (not timed). */
export async function makeWorkspace(file: string, count: number): Promise<void> {
  const real = realServices();
  const ws = Workspace.open(file, { create: true });
  try {
    const inputs = [];
    for (let p = 0; p * PAGE < count; p++) {
      const itemList = [];
      for (let i = p * PAGE; i < Math.min(count, (p + 1) * PAGE); i++) itemList.push({ ...real[i % real.length], id: `b0000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}` });
      inputs.push({ name: `services-page-${p + 1}.json`, bytes: Buffer.from(JSON.stringify({ pageNumber: p + 1, pageSize: PAGE, itemList })) });
    }
    await importFiles(ws, inputs, { onError: 'skip' });
  } finally {
    ws.close();
  }
}
