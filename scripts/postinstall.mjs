// Runs after `npm install`. Electron's own install script is switched off in package.json
// (allowScripts) because it downloads a binary, which fails on machines without internet and
// would fail the whole install. Here we try the same download tolerantly: where it works the
// desktop window is available, where it does not `npm start` falls back to browser mode.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1') process.exit(0);
let installScript;
try {
  installScript = require.resolve('electron/install.js');
} catch {
  process.exit(0); // electron is a dev dependency; a production install has none
}
const pathFile = installScript.replace(/install\.js$/, 'path.txt');
if (existsSync(pathFile)) process.exit(0);
const r = spawnSync(process.execPath, [installScript], { stdio: 'pipe', timeout: 120_000, encoding: 'utf8' });
if (r.status === 0) {
  console.log('kohtaanto: Electron binary installed; `npm start` opens the desktop window.');
  buildNativeForElectron();
} else {
  console.log('kohtaanto: Electron binary could not be downloaded here; `npm start` will run in browser mode.');
}

// better-sqlite3 from npm is built for Node's ABI. The desktop window needs a copy built for
// Electron's ABI; node-gyp fetches Electron's headers for that, which also needs the network.
function buildNativeForElectron() {
  const gyp = process.env.npm_config_node_gyp;
  if (!gyp) return;
  const { version } = require('electron/package.json');
  const src = require.resolve('better-sqlite3/package.json').replace(/package\.json$/, '');
  const work = new URL('../native/build-better-sqlite3/', import.meta.url).pathname;
  const out = new URL('../native/electron/', import.meta.url).pathname;
  cpSync(src, work, { recursive: true });
  const b = spawnSync(process.execPath, [gyp, 'rebuild', `--target=${version}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron'], { cwd: work, stdio: 'pipe', timeout: 600_000 });
  if (b.status === 0) {
    mkdirSync(out, { recursive: true });
    cpSync(`${work}build/Release/better_sqlite3.node`, `${out}better_sqlite3.node`);
    console.log('kohtaanto: built better-sqlite3 for Electron.');
  } else {
    console.log('kohtaanto: could not build better-sqlite3 for Electron; the desktop window will not open its workspace.');
  }
}
