import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The repository root (where package.json is), found from this file. */
export function projectRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('Cannot find the Kohtaanto project folder.');
    dir = up;
  }
  return dir;
}

/** Builds the renderer once if it is missing, so `kohtaanto serve` works right after install. */
export async function ensureRendererBuilt(): Promise<string> {
  const root = projectRoot();
  const dir = path.join(root, 'out', 'renderer');
  if (fs.existsSync(path.join(dir, 'index.html'))) return dir;
  console.log('Building the user interface (first run only)…');
  const bin = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite');
  const r = spawnSync(bin, ['build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0 || !fs.existsSync(path.join(dir, 'index.html'))) {
    throw new Error('Building the user interface failed; see the messages above.');
  }
  return dir;
}
