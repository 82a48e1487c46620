/**
 * The report as PDF in the desktop app: the window's own Chromium engine prints the report's HTML
 * in a hidden, script-less window. Reached only through IPC (see index.ts), because it opens a
 * save dialog and writes where the user chose.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { ReportRequestSchema, reportFileName, type DesktopReportPdfResult } from '../../shared/api/picture';
import type { Result } from '../../shared/api/result';
import type { Registry } from '../backend/registry';
import { dialogTexts } from './menu';
import { SECURE_WEB_PREFERENCES } from './security';

export async function printReportPdf(parent: BrowserWindow, registry: Registry, raw: unknown): Promise<Result<DesktopReportPdfResult>> {
  const parsed = ReportRequestSchema.safeParse(raw ?? {});
  if (!parsed.success) return { ok: false, error: { code: 'invalid_input', message: parsed.error.issues.map((i) => i.message).join('; ') } };
  const report = await registry.call('picture.report', parsed.data);
  if (!report.ok) return report;
  const { html } = report.value as { html: string };
  const choice = await dialog.showSaveDialog(parent, {
    title: dialogTexts(parsed.data.lang).savePdf,
    defaultPath: path.join(app.getPath('documents'), reportFileName(parsed.data.lang, new Date(), 'pdf')),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (choice.canceled || !choice.filePath) return { ok: true, value: { saved: false } };
  const tmp = fs.mkdtempSync(path.join(app.getPath('temp'), 'kohtaanto-report-'));
  const win = new BrowserWindow({ show: false, webPreferences: { ...SECURE_WEB_PREFERENCES, javascript: false } });
  try {
    const page = path.join(tmp, 'report.html');
    fs.writeFileSync(page, html);
    await win.loadFile(page);
    const pdf = await win.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true });
    // Beside the target and renamed, so a failed write never leaves half a PDF where the user looks.
    const part = `${choice.filePath}.part`;
    fs.writeFileSync(part, pdf);
    fs.renameSync(part, choice.filePath);
    return { ok: true, value: { saved: true, path: choice.filePath } };
  } catch (err) {
    return { ok: false, error: { code: 'io_error', message: `The PDF could not be written: ${(err as Error).message}`, msg: { code: 'desktop.pdfNotWritten' } } };
  } finally {
    win.destroy();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
