import path from 'node:path';
import { AppError } from '../../../shared/api/result';
import type { InterfaceAddress, WorkshopState } from '../../../shared/workshop';
import { pickText } from '../../../shared/model';
import { createWorkspaceFile, openAsCurrent, openAtStart } from '../../backend/domains/workspace';
import { startHttpServer } from '../../server/http';
import { ensureRendererBuilt } from '../build';
import { EXAMPLE_IDS, type ExampleId } from '../../../shared/api/contract';
import { cliBackend, cliLanguage, one, UsageError, withWorkspace, type Command } from '../common';
import { translator } from '../../../renderer/src/i18n/catalogue';

export const workspaceCommands: Record<string, Command> = {
  new: {
    summary: 'Create a workspace file',
    usage:
      'kohtaanto new FILE [--example [nuoret|auroraai]] [--lang fi|sv|en]\n\n  --example            fill it with the built-in example (Nuoret kiinni yhteiskunnassa)\n  --example auroraai   the AuroraAI programme 2020–2022: situational picture of its mid-term evaluation\n  --lang               language of the output (default: the system locale)',
    options: { example: { type: 'boolean' }, lang: { type: 'string' } },
    run({ values, positionals }) {
      // `--example` is a flag, so an example's id after it arrives as a second positional.
      const which = values.example && positionals.length === 2 ? positionals[1] : undefined;
      if (which !== undefined && !(EXAMPLE_IDS as readonly string[]).includes(which)) throw new UsageError(`No example "${which}"; the examples are ${EXAMPLE_IDS.join(', ')}.`);
      const file = one(which === undefined ? positionals : positionals.slice(0, 1), 'FILE');
      const t = translator(cliLanguage(values.lang));
      const { ctx } = cliBackend('kohtaanto new');
      const ws = createWorkspaceFile(ctx, { path: file, example: (which as ExampleId | undefined) ?? Boolean(values.example) });
      const counts = ws.counts();
      ws.close();
      const n = Object.values(counts.entities).reduce((a, b) => a + b, 0);
      console.log(values.example ? t('cli.workspace.createdExample', { file: path.resolve(file), count: n }) : t('cli.workspace.created', { file: path.resolve(file) }));
      return 0;
    },
  },
  info: {
    summary: 'Show schema version and counts per entity and link type',
    usage: 'kohtaanto info FILE [--lang fi|sv|en] [--json]\n\n  --lang   language of the output (default: the system locale)\n  --json   the figures as JSON, with the kinds and link types as codes',
    options: { lang: { type: 'string' }, json: { type: 'boolean' } },
    async run({ values, positionals }) {
      const file = one(positionals, 'FILE');
      const lang = cliLanguage(values.lang);
      const t = translator(lang);
      const out = await withWorkspace(file, (ws) => ({ file: path.resolve(file), title: ws.getTitle(), schemaVersion: ws.schemaVersion(), ...ws.counts() }), {
        readOnlyIfLocked: true,
      });
      if (values.json) {
        console.log(JSON.stringify(out, null, 2));
      } else {
        // Kinds and link types as the app names them; --json keeps their codes.
        const entities = Object.entries(out.entities).map(([k, v]) => [t(`kind.${k}.plural`, { defaultValue: k }), v] as const);
        const links = Object.entries(out.links).map(([k, v]) => [t(`link.${k}.name`, { defaultValue: k }), v] as const);
        const width = Math.max(14, ...[...entities, ...links].map(([label]) => label.length));
        console.log(`${out.file}\n  ${t('cli.workspace.title')}: ${pickText(out.title, lang) || '—'}\n  ${t('cli.workspace.schemaVersion')}: ${out.schemaVersion}`);
        console.log(`  ${t('cli.workspace.entities')}:`);
        for (const [label, v] of entities) console.log(`    ${label.padEnd(width)} ${v.toLocaleString(lang)}`);
        console.log(`  ${t('cli.workspace.links')}:`);
        for (const [label, v] of links) console.log(`    ${label.padEnd(width)} ${v.toLocaleString(lang)}`);
      }
      return 0;
    },
  },
  serve: {
    summary: 'Run browser mode: the app on a local web server',
    usage:
      'kohtaanto serve [FILE] [--port N] [--no-open] [--workshop [--interface ADDR] [--template ID] [--max-participants N] [--no-anonymous] [--names-in-record] [--language fi|sv|en]]\n\n  FILE        workspace to open (default: the last one, or the example on first run)\n  --port N    port on 127.0.0.1 (default 5183; 0 picks a free one)\n  --no-open   do not open a browser\n\nThe printed address ends with #k=KEY, a key made fresh at each start: only a tab opened with\nit (or a program sending it as the X-Kohtaanto-Key header) can use the server.\n\nWorkshop session (participants join from their own browsers with a code):\n  --workshop             start a session on FILE; it ends, and its record is saved, at Ctrl+C\n  --interface ADDR       also listen on this LAN address of this computer for the session\n                         (never by default; without it, only this computer can join)\n  --template ID          builtin-ecosystem, builtin-picture-review, builtin-mirror or a saved one\n  --max-participants N   default 40\n  --no-anonymous         everyone must give a display name\n  --names-in-record      keep display names in the session record (default: counts only)\n  --language L           language of the agenda and of accepted proposals (default fi)',
    options: {
      port: { type: 'string' },
      'no-open': { type: 'boolean' },
      workshop: { type: 'boolean' },
      interface: { type: 'string' },
      template: { type: 'string' },
      'max-participants': { type: 'string' },
      'no-anonymous': { type: 'boolean' },
      'names-in-record': { type: 'boolean' },
      language: { type: 'string' },
    },
    async run({ values, positionals }) {
      if (positionals.length > 1) throw new UsageError('serve takes at most one FILE.');
      const port = values.port === undefined ? 5183 : Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number 0–65535, not "${values.port}".`);
      const workshopOnly = ['interface', 'template', 'max-participants', 'no-anonymous', 'names-in-record', 'language'].filter((k) => values[k] !== undefined);
      if (!values.workshop && workshopOnly.length) throw new UsageError(`--${workshopOnly[0]} belongs to --workshop.`);
      const maxParticipants = values['max-participants'] === undefined ? 40 : Number(values['max-participants']);
      if (!Number.isInteger(maxParticipants) || maxParticipants < 1 || maxParticipants > 200) throw new UsageError(`--max-participants must be a number 1–200, not "${values['max-participants']}".`);
      const language = (values.language as string | undefined) ?? 'fi';
      if (!['fi', 'sv', 'en'].includes(language)) throw new UsageError(`--language must be fi, sv or en, not "${language}".`);
      const staticDir = await ensureRendererBuilt();
      const { ctx, registry } = cliBackend('kohtaanto serve');
      // FILE comes from the user's own command line, so it is opened directly, not through the
      // API door that keeps browser pages inside the workspaces folder; it joins the recent list.
      if (positionals[0]) {
        openAsCurrent(ctx, positionals[0]);
      } else {
        openAtStart(ctx);
      }
      const srv = await startHttpServer({ registry, ctx, staticDir, port });
      const t = translator(cliLanguage());
      // The key in the fragment is what lets this browser tab (and no other page or local program)
      // use the server; browsers send a fragment neither to servers nor in Referer.
      console.log(t('cli.serve.running', { url: srv.openUrl }));
      console.log(t('cli.serve.key'));
      console.log(t('cli.serve.keyHeader', { key: srv.key, api: `${srv.url}service-recommender/v1/` }));
      if (values.workshop) {
        const started = await registry.call('workshop.start', {
          ...(values.interface ? { interface: String(values.interface) } : {}),
          ...(values.template ? { template: String(values.template) } : {}),
          settings: { maxParticipants, allowAnonymous: !values['no-anonymous'], namesInRecord: Boolean(values['names-in-record']), language },
        });
        if (!started.ok) {
          await srv.close();
          ctx.close();
          throw new AppError(started.error.code, started.error.message, started.error.details, started.error.msg);
        }
        const w = started.value as WorkshopState;
        console.log(t('cli.serve.workshop', { title: w.title, code: w.code }));
        console.log(`${t('cli.serve.join', { url: w.joinUrl })}${values.interface ? '' : t('cli.serve.thisComputer')}`);
        if (!values.interface) {
          const addrs = await registry.call('workshop.interfaces', {});
          const lan = addrs.ok ? (addrs.value as InterfaceAddress[]).filter((a) => !a.internal).map((a) => a.address) : null;
          if (lan) console.log(t('cli.serve.addresses', { addresses: lan.join(', ') || t('cli.serve.loopbackOnly') }));
        }
        console.log(t('cli.serve.stop'));
      }
      if (!values['no-open']) openBrowser(srv.openUrl);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      if (values.workshop) {
        const ended = await registry.call('workshop.end', {});
        const recordId = ended.ok ? (ended.value as { recordId: string | null }).recordId : null;
        if (recordId) console.log(t('cli.serve.ended', { id: recordId }));
      }
      await srv.close();
      ctx.close();
      return 0;
    },
  },
};

function openBrowser(url: string): void {
  if (process.env.CI || process.env.KOHTAANTO_NO_BROWSER) return;
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  import('node:child_process').then(({ spawn }) => {
    const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => console.log(translator(cliLanguage())('cli.serve.openIt', { url })));
    child.unref();
  });
}

