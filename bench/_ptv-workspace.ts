/**
 * A region-sized workspace for the benches that measure the app in Chromium: the real PTV records
 * of ../shared/data/ptv cloned under new ids, imported as PTV pages (as bench/import-ptv makes them).
 */
import fs from 'node:fs';
import path from 'node:path';
import { importFiles } from '../electron/backend/io/import';
import { Workspace } from '../electron/backend/store/workspace';
import { launchBrowser, startApp } from '../e2e/harness';

export const DATA = process.env.KOHTAANTO_SHARED_DATA ?? path.resolve(__dirname, '../../shared/data');
/** Services per page, as the PTV API serves them. */
export const PTV_PAGE = 1000;

/** Stops the bench with a clear line where ../shared/data is not beside the project. */
export function requirePtvData(): void {
  if (fs.existsSync(path.join(DATA, 'ptv'))) return;
  console.error(`No PTV data at ${DATA}; set KOHTAANTO_SHARED_DATA.`);
  process.exit(2);
}

function realServices(): Record<string, unknown>[] {
  const dir = path.join(DATA, 'ptv');
  const out: Record<string, unknown>[] = [];
  for (const f of fs.readdirSync(path.join(dir, 'legacy/services'))) out.push(JSON.parse(fs.readFileSync(path.join(dir, 'legacy/services', f), 'utf8')));
  out.push(JSON.parse(fs.readFileSync(path.join(dir, 'v11/service-etalukio.json'), 'utf8')));
  out.push(...(Object.values(JSON.parse(fs.readFileSync(path.join(dir, 'v11/services-list.json'), 'utf8'))) as Record<string, unknown>[]));
  return out;
}

/** `count` real services under deterministic UUID-shaped ids, as PTV API pages (serialised as the API sends them). */
export function ptvPages(count: number): { name: string; bytes: Buffer }[] {
  const real = realServices();
  const pageCount = Math.ceil(count / PTV_PAGE);
  const out: { name: string; bytes: Buffer }[] = [];
  for (let p = 0; p < pageCount; p++) {
    const itemList = [];
    for (let i = p * PTV_PAGE; i < Math.min(count, (p + 1) * PTV_PAGE); i++) itemList.push({ ...real[i % real.length], id: `b0000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}` });
    out.push({ name: `services-page-${p + 1}.json`, bytes: Buffer.from(JSON.stringify({ pageNumber: p + 1, pageSize: PTV_PAGE, pageCount, itemList })) });
  }
  return out;
}

/** A workspace of `count` real services under new ids, imported as PTV pages (not timed). */
export async function makeWorkspace(file: string, count: number): Promise<void> {
  const ws = Workspace.open(file, { create: true });
  try {
    await importFiles(ws, ptvPages(count), { onError: 'skip' });
  } finally {
    ws.close();
  }
}

/** The region workspace at `file`: copied from KOHTAANTO_BENCH_WORKSPACE (one an earlier run built, of the same count), else built. */
export async function regionWorkspace(file: string, count: number): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (process.env.KOHTAANTO_BENCH_WORKSPACE) fs.copyFileSync(process.env.KOHTAANTO_BENCH_WORKSPACE, file);
  else await makeWorkspace(file, count);
}

/** What a bench in Chromium on a region workspace starts with: the data checked, the app (browser mode) and Chromium running. */
export async function startRegionBench(): Promise<{ app: Awaited<ReturnType<typeof startApp>>; browser: Awaited<ReturnType<typeof launchBrowser>>; big: string }> {
  requirePtvData();
  const app = await startApp({ openFirstRun: false });
  const browser = await launchBrowser();
  return { app, browser, big: path.join(app.dataDir, 'workspaces', 'region.kohtaanto') };
}
