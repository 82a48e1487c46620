/**
 * Import throughput on real PTV records: 22,000 services (the real v11 and legacy records of
 * ../shared/data/ptv, cloned under new ids) in pages of 1,000 as the PTV API serves them.
 *
 *   npx tsx bench/import-ptv.ts [count]
 *
 * Prints the importer next to a baseline — JSON.parse of the same pages plus a raw INSERT of each
 * record in one transaction — measured in the same run. Each side runs in its own child process
 * so that its peak memory (maxRSS) is its own. Targets: ≤ 20 s and ≤ 1 GB peak for the importer.

 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importFiles } from '../electron/backend/io/import';
import { Workspace } from '../electron/backend/store/workspace';
import { ptvPages, PTV_PAGE, requirePtvData } from './_ptv-workspace';

const COUNT = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 22_000);
const LIMIT_MS = 20_000;
const LIMIT_MB = 1024;

interface Measure {
  side: string;
  ms: number;
  peakMb: number;
  services: number;
  links: number;
  fileMb: number;
}

type Side = 'baseline' | 'import';

async function child(side: Side): Promise<Measure> {
  const inputs = ptvPages(COUNT);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kohtaanto-bench-'));
  const file = path.join(tmp, 'bench.kohtaanto');
  const ws = Workspace.open(file, { create: true });
  try {
    const t0 = performance.now();
    if (side !== 'baseline') {
      await importFiles(ws, inputs, { onError: 'skip' });
    } else {
      const insert = ws.db.prepare('INSERT INTO entities (id, kind, data, updated_at) VALUES (?, ?, ?, ?)');
      const at = new Date().toISOString();
      ws.db.transaction(() => {
        for (const input of inputs) {
          const page = JSON.parse(Buffer.from(input.bytes).toString('utf8')) as { itemList: { id: string }[] };
          for (const item of page.itemList) insert.run(`srv-${item.id}`, 'service', JSON.stringify(item), at);
        }
      })();
    }
    const ms = performance.now() - t0;
    const counts = ws.counts();
    const links = Object.values(counts.links).reduce((a, b) => a + b, 0);
    return {
      side,
      ms,
      peakMb: process.resourceUsage().maxRSS / 1024,
      services: counts.entities.service ?? 0,
      links,
      fileMb: fs.statSync(file).size / 1024 / 1024,
    };
  } finally {
    ws.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function runChild(side: string): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const proc = fork(__filename, ['--child', side, String(COUNT)], { execArgv: process.execArgv, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    proc.on('message', (m) => resolve(m as Measure));
    proc.on('error', reject);
    proc.on('exit', (code) => code !== 0 && reject(new Error(`${side} bench exited with ${code}`)));
  });
}

async function main(): Promise<void> {
  const childAt = process.argv.indexOf('--child');
  if (childAt >= 0) {
    const m = await child(process.argv[childAt + 1] as Side);
    process.send!(m);
    return;
  }
  requirePtvData();
  console.log(`PTV import benchmark: ${COUNT.toLocaleString('en')} services in pages of ${PTV_PAGE} (node ${process.version}, ${os.cpus().length} cores)`);
  const baseline = await runChild('baseline');
  const imp = await runChild('import');
  const row = (m: Measure) =>
    `${m.side.padEnd(9)} ${(m.ms / 1000).toFixed(2).padStart(7)} s  ${Math.round((m.ms / Math.max(1, m.services)) * 1000)
      .toString()
      .padStart(5)} µs/service  peak ${Math.round(m.peakMb).toString().padStart(5)} MB  services ${m.services}  links ${m.links}  file ${m.fileMb.toFixed(0)} MB`;
  console.log(row(baseline));
  console.log(row(imp));
  console.log(`importer / baseline time: ${(imp.ms / baseline.ms).toFixed(1)}×`);
  const ok = imp.ms <= LIMIT_MS && imp.peakMb <= LIMIT_MB && imp.services === COUNT;
  console.log(ok ? `PASS (≤ ${LIMIT_MS / 1000} s, ≤ ${LIMIT_MB} MB)` : `FAIL (limits ${LIMIT_MS / 1000} s, ${LIMIT_MB} MB, ${COUNT} services)`);
  if (!ok) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
