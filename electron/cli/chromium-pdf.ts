/**
 * HTML → PDF for the command line with a Chromium found on the machine (headless --print-to-pdf).
 * Kohtaanto ships no browser of its own: the desktop app prints with its window engine instead.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable'];

/** Where a Chromium is looked for, in order: KOHTAANTO_CHROMIUM, then the usual places, then PATH. */
export function chromiumCandidates(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  const out: string[] = [];
  if (env.KOHTAANTO_CHROMIUM) out.push(env.KOHTAANTO_CHROMIUM);
  if (platform === 'darwin') {
    out.push('/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge');
  } else if (platform === 'win32') {
    for (const base of [env.ProgramFiles, env['ProgramFiles(x86)'], env.LOCALAPPDATA].filter(Boolean) as string[]) {
      out.push(path.win32.join(base, 'Google', 'Chrome', 'Application', 'chrome.exe'), path.win32.join(base, 'Chromium', 'Application', 'chrome.exe'), path.win32.join(base, 'Microsoft', 'Edge', 'Application', 'msedge.exe'));
    }
  } else {
    out.push(...NAMES.map((n) => `/usr/bin/${n}`), '/snap/bin/chromium');
  }
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const d of dirs) for (const n of NAMES) out.push(path.join(d, platform === 'win32' ? `${n}.exe` : n));
  return [...new Set(out)];
}

/** The first candidate that exists as a file, or an error naming everything that was looked for. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = isFile): string {
  const candidates = chromiumCandidates(env);
  if (env.KOHTAANTO_CHROMIUM && !exists(env.KOHTAANTO_CHROMIUM)) {
    throw new Error(`KOHTAANTO_CHROMIUM names ${env.KOHTAANTO_CHROMIUM}, which is not a file. Point it at a Chromium or Chrome executable, or use --format html.`);
  }
  const found = candidates.find(exists);
  if (!found) {
    throw new Error(
      `No Chromium was found to print the PDF. Looked for: KOHTAANTO_CHROMIUM (not set), ${candidates.join(', ')}. ` +
        'Install Chromium (e.g. apt-get install chromium), set KOHTAANTO_CHROMIUM to a Chromium or Chrome executable, or use --format html.',
    );
  }
  return found;
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * Prints `html` to a PDF at `out` with headless Chromium. Works in a temp folder and moves the
 * finished PDF into place, so a failure leaves no half-written file at `out`.
 */
export async function htmlToPdf(html: string, out: string, chromium: string, timeoutMs = 120_000): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kohtaanto-pdf-'));
  try {
    const page = path.join(tmp, 'report.html');
    const pdf = path.join(tmp, 'report.pdf');
    fs.writeFileSync(page, html);
    const args = [
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-extensions',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      `--user-data-dir=${path.join(tmp, 'profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`,
      pathToFileURL(page).toString(),
    ];
    // Chromium refuses to run its sandbox as root (containers, CI); only then is it turned off.
    if (typeof process.getuid === 'function' && process.getuid() === 0) args.unshift('--no-sandbox');
    await new Promise<void>((resolve, reject) => {
      execFile(chromium, args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (err, _stdout, stderr) => {
        if (err && !isFile(pdf)) reject(new Error(`${chromium} could not print the PDF: ${(err as Error).message.split('\n')[0]}${stderr ? `\n${String(stderr).trim().split('\n').slice(-3).join('\n')}` : ''}`));
        else resolve();
      });
    });
    const head = isFile(pdf) ? fs.readFileSync(pdf).subarray(0, 5).toString('latin1') : '';
    if (head !== '%PDF-') throw new Error(`${chromium} did not produce a PDF.`);
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    fs.copyFileSync(pdf, out);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
