// `npm test`: typecheck, unit and integration tests, build, then end-to-end tests in Chromium.
// Ends with one "N passed, N failed" line for the whole run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const reports = path.join(root, '.tmp');
fs.mkdirSync(reports, { recursive: true });
const only = process.argv.slice(2); // e.g. `npm test -- unit` runs only that step

const steps = [
  { name: 'typecheck', cmd: [bin('tsc'), '--noEmit', '-p', 'tsconfig.json'] },
  { name: 'unit', cmd: [bin('vitest'), 'run', '--project', 'unit', '--reporter=default', '--reporter=json', `--outputFile=${path.join(reports, 'unit.json')}`], report: 'unit.json' },
  { name: 'build', cmd: [bin('electron-vite'), 'build'] },
  { name: 'e2e', cmd: [bin('vitest'), 'run', '--project', 'e2e', '--reporter=default', '--reporter=json', `--outputFile=${path.join(reports, 'e2e.json')}`], report: 'e2e.json' },
];

let passed = 0;
let failed = 0;
let skipped = 0;
let broken = [];
for (const step of steps) {
  if (only.length && !only.includes(step.name)) continue;
  console.log(`\n=== ${step.name} ===`);
  if (step.report) fs.rmSync(path.join(reports, step.report), { force: true });
  const r = spawnSync(step.cmd[0], step.cmd.slice(1), { cwd: root, stdio: 'inherit', env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } });
  if (step.report && fs.existsSync(path.join(reports, step.report))) {
    const j = JSON.parse(fs.readFileSync(path.join(reports, step.report), 'utf8'));
    passed += j.numPassedTests;
    failed += j.numFailedTests;
    skipped += j.numPendingTests + (j.numTodoTests ?? 0);
  }
  if (r.status !== 0) {
    broken.push(step.name);
    if (!step.report) failed += 1;
    // A failed typecheck or build makes later steps meaningless noise.
    if (step.name === 'typecheck' || step.name === 'build') break;
  } else if (!step.report) {
    passed += 1;
  }
}
if (broken.length) console.log(`\nFailed steps: ${broken.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(broken.length ? 1 : 0);
