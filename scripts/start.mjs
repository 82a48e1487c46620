// `npm start`: the desktop window where Electron's binary is installed; otherwise browser mode,
// saying in one line why. `npm run web` (--web) asks for browser mode directly.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const web = process.argv.includes('--web');
const passThrough = process.argv.slice(2).filter((a) => a !== '--web');

function electronBinary() {
  try {
    const pkgDir = path.dirname(require.resolve('electron/package.json', { paths: [root] }));
    const rel = fs.readFileSync(path.join(pkgDir, 'path.txt'), 'utf8').trim();
    const exe = path.join(pkgDir, 'dist', rel);
    return fs.existsSync(exe) ? exe : null;
  } catch {
    return null;
  }
}

const build = spawnSync(path.join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) {
  console.error('kohtaanto: the build failed; see the messages above.');
  process.exit(1);
}

const exe = web ? null : electronBinary();
if (!web && exe && !process.env.DISPLAY && process.platform === 'linux' && !process.env.WAYLAND_DISPLAY) {
  console.log('kohtaanto: no display (DISPLAY is not set), so the desktop window cannot open; starting browser mode instead.');
} else if (!web && !exe) {
  console.log("kohtaanto: Electron's binary is not installed (it could not be downloaded here), so starting browser mode instead of the desktop window.");
}
const useElectron = !web && exe && (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const child = useElectron
  ? spawn(exe, [root, ...passThrough], { cwd: root, stdio: 'inherit' })
  : spawn(process.execPath, [path.join(root, 'bin', 'kohtaanto.mjs'), 'serve', ...passThrough], { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
