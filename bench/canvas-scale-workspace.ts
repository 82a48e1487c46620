/**
 * A large workspace of real PTV records for the canvas: the real legacy and v11 services of
 * ../shared/data/ptv imported by the app's own PTV importer, then each service cloned under new
 * ids (deterministic, as bench/import-ptv.ts makes them) with its links to its organisations,
 * channels and life events, until the workspace has the number of nodes asked for.
 * Used by bench/canvas-scale.ts and e2e/canvas-scale.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { importFiles } from '../electron/backend/io/import';
import { validLink, Workspace } from '../electron/backend/store/workspace';
import type { Entity, Link } from '../shared/model';

export const PTV_DATA = process.env.KOHTAANTO_SHARED_DATA ?? path.resolve(__dirname, '../../shared/data');

export function hasPtvData(): boolean {
  return fs.existsSync(path.join(PTV_DATA, 'ptv/legacy/services')) && fs.existsSync(path.join(PTV_DATA, 'ptv/v11/services-list.json'));
}

function realServices(): Record<string, unknown>[] {
  const dir = path.join(PTV_DATA, 'ptv');
  const out: Record<string, unknown>[] = [];
  for (const f of fs.readdirSync(path.join(dir, 'legacy/services')).sort()) out.push(JSON.parse(fs.readFileSync(path.join(dir, 'legacy/services', f), 'utf8')));
  out.push(JSON.parse(fs.readFileSync(path.join(dir, 'v11/service-etalukio.json'), 'utf8')));
  out.push(...(Object.values(JSON.parse(fs.readFileSync(path.join(dir, 'v11/services-list.json'), 'utf8'))) as Record<string, unknown>[]));
  return out;
}

/** Deterministic UUID-shaped ids, so repeated runs make the same workspace. */
function cloneId(n: number): string {
  return `c0000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** Creates `file` with about `nodes` entities (never fewer); returns the counts it holds. */
export async function largePtvWorkspace(file: string, nodes: number): Promise<{ nodes: number; links: number }> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const ws = Workspace.open(file, { create: true });
  try {
    const itemList = realServices();
    await importFiles(ws, [{ name: 'services-page-1.json', bytes: Buffer.from(JSON.stringify({ pageNumber: 1, pageSize: itemList.length, pageCount: 1, itemList })) }], { onError: 'skip' });
    const services = ws.listEntities('service');
    const linksOf = new Map<string, Link[]>();
    for (const l of ws.listLinks()) for (const id of [l.source, l.target]) (linksOf.get(id) ?? linksOf.set(id, []).get(id)!).push(l);
    let count = ws.listEntities().length;
    let linkCount = ws.listLinks().length;
    let n = 0;
    ws.edit(
      'clone PTV services',
      (tx) => {
        while (count < nodes) {
          const s = services[n % services.length];
          const uuid = cloneId(n++);
          const id = `srv-${uuid}`;
          tx.putEntity({ ...s, id, ptvId: uuid } as Entity);
          count++;
          for (const l of linksOf.get(s.id) ?? []) {
            const source = l.source === s.id ? id : l.source;
            const target = l.target === s.id ? id : l.target;
            tx.putLink(validLink({ ...l, id: `lnk-${uuid}-${l.type}-${source === id ? target : source}`, source, target }));
            linkCount++;
          }
        }
      },
      { undoable: false },
    );
    ws.setTitle({ fi: 'Koko alueen palvelut' });
    return { nodes: count, links: linkCount };
  } finally {
    ws.close();
  }
}
