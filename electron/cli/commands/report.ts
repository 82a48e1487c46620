import { translator } from '../../../renderer/src/i18n/catalogue';
import fs from 'node:fs';
import path from 'node:path';
import { LANGUAGES, type Language } from '../../../shared/model';
import { findChromium, htmlToPdf } from '../chromium-pdf';
import { cliLanguage, one, unwrap, UsageError, withRegistry, type Command } from '../common';

export const reportCommands: Record<string, Command> = {
  report: {
    summary: 'Write the situational picture as one self-contained HTML file, or a PDF',
    usage:
      'kohtaanto report FILE --out PATH [--format html|pdf] [--lang fi|sv|en] [--review ID]\n\n' +
      '  --out PATH     where to write the report (an existing file is replaced)\n' +
      '  --format       html (default; pdf when PATH ends in .pdf) or pdf, printed with a Chromium found\n' +
      '                 on this machine (KOHTAANTO_CHROMIUM, then chromium, chromium-browser, google-chrome …)\n' +
      '  --lang         language of the report (default fi)\n' +
      '  --review ID    the picture as frozen in a saved review (see "kohtaanto review FILE --list")',
    options: { out: { type: 'string' }, format: { type: 'string' }, lang: { type: 'string' }, review: { type: 'string' } },
    async run({ values, positionals }) {
      const file = one(positionals, 'FILE');
      const out = values.out === undefined ? undefined : String(values.out);
      if (!out) throw new UsageError('Give --out PATH.');
      const format = values.format === undefined ? (out.toLowerCase().endsWith('.pdf') ? 'pdf' : 'html') : String(values.format);
      if (format !== 'html' && format !== 'pdf') throw new UsageError(`--format is html or pdf, not "${format}".`);
      const lang = (values.lang === undefined ? 'fi' : String(values.lang)) as Language;
      if (!LANGUAGES.includes(lang)) throw new UsageError(`--lang is one of ${LANGUAGES.join(', ')}, not "${lang}".`);
      // Find the printer before the work, so a machine without one says so at once.
      const chromium = format === 'pdf' ? findChromium() : undefined;
      const { html } = await withRegistry(file, async (registry) => unwrap(await registry.call('picture.report', { lang, ...(values.review ? { review: String(values.review) } : {}) })) as { html: string }, { readOnlyIfLocked: true });
      if (chromium) await htmlToPdf(html, out, chromium);
      else {
        fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
        // Written beside the target and renamed, so an interrupted write never leaves half a report.
        const tmp = `${out}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, html);
        fs.renameSync(tmp, out);
      }
      // In the language asked for with --lang (the report's), else the locale's: the report's default (fi) is for readers, not for this terminal.
      console.log(translator(values.lang === undefined ? cliLanguage() : lang)('cli.picture.wroteReport', { format: format.toUpperCase(), file: out }));
      return 0;
    },
  },
};
