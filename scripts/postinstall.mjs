// Runs after `npm install`. Electron's own install script is switched off in package.json
// (allowScripts) because it downloads a binary, which fails on machines without internet and
// would fail the whole install. Here we try the same download tolerantly: where it works the
// desktop window is available, where it does not `npm start` falls back to browser mode.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
} else {
  console.log('kohtaanto: Electron binary could not be downloaded here; `npm start` will run in browser mode.');
}
