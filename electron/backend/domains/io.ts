import { AppError } from '../../../shared/api/result';
import { codedError, said } from '../messages';
import type { Handlers } from '../registry';
import { codeLists, exportWorkspace, importFiles, type CodeListName, type ColumnMapping } from '../io';
import { prebuildRecommender } from './matching';

const MIME: Record<string, string> = {
  json: 'application/json',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  graphml: 'application/graphml+xml',
  gexf: 'application/gexf+xml',
};

/** Imports under way, by the id their caller chose, so that a second call can cancel one. */
const running = new Map<string, AbortController>();

export const ioHandlers: Handlers = {
  'io.import': async (ctx, input) => {
    const ws = ctx.requireWorkspace();
    if (running.has(input.importId)) throw codedError('conflict', said('import.alreadyRunning', { id: input.importId }));
    const controller = new AbortController();
    running.set(input.importId, controller);
    let lastEmit = 0;
    try {
      const files = input.files.map((f) => ({ name: f.name, bytes: Buffer.from(f.dataBase64, 'base64') }));
      const summary = await importFiles(ws, files, {
        format: input.format,
        onError: input.onError,
        mapping: input.mapping as ColumnMapping | undefined,
        kind: input.kind,
        lang: input.lang,
        dryRun: input.dryRun,
        survey: input.survey,
        signal: controller.signal,
        onProgress: (done, total, phase) => {
          // Enough for a smooth bar without flooding the event stream.
          const now = Date.now();
          if (now - lastEmit < 100 && done < total) return;
          lastEmit = now;
          ctx.emit('io.progress', { importId: input.importId, done, total, phase });
        },
      });
      // A region's catalogue just came in: its recommender index is built meanwhile, not when first asked.
      if (!input.dryRun && (summary.created.service > 0 || summary.updated.service > 0)) prebuildRecommender(ctx);
      return summary;
    } finally {
      running.delete(input.importId);
    }
  },
  'io.cancelImport': (_ctx, input) => {
    const controller = running.get(input.importId);
    controller?.abort();
    return { cancelled: !!controller };
  },
  'io.export': async (ctx, input) => {
    const files = await exportWorkspace(ctx.requireWorkspace(), input.format, { lang: input.lang, run: input.run, now: ctx.now });
    return { files: files.map((f) => ({ name: f.name, mime: MIME[input.format] ?? 'application/octet-stream', dataBase64: Buffer.from(f.bytes).toString('base64') })) };
  },
  // The whole list: the largest (municipalities) is ~300 items, so pickers search it locally.
  'codes.list': (_ctx, input) => {
    const lists = codeLists();
    return lists.items(input.list as CodeListName).map((item) => ({ code: item.code, label: { fi: item.fi, sv: item.sv, en: item.en }, parent: item.parent }));
  },
};
