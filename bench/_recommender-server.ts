/**
 * The server side of bench/recommender-speed.ts's "index off the main path": the real backend and
 * HTTP server in a process of their own, as `kohtaanto serve` and the desktop app run them. The
 * bench process holds the synthetic catalogue, an in-process index and matching results (~250 MB);
 * a server thread in that heap would pay for collecting it, which the app's server does not.
 */
import { createBackend } from '../electron/backend';
import { stopRecommenderWorker } from '../electron/backend/recommender/cache';
import { startHttpServer } from '../electron/server/http';

type Command = { cmd: 'stopWorker' } | { cmd: 'workerFrom'; file: string | null } | { cmd: 'stop' };

async function main(): Promise<void> {
  const [dataDir, staticDir] = process.argv.slice(2);
  const { ctx, registry } = createBackend({ dataDir, mode: 'browser' });
  const srv = await startHttpServer({ registry, ctx, staticDir, port: 0 });
  process.on('message', async (m: Command) => {
    if (m.cmd === 'stopWorker') await stopRecommenderWorker();
    else if (m.cmd === 'workerFrom') {
      // The next worker thread runs this file (the built bundle, as the app runs it) instead of the sources through tsx.
      if (m.file) process.env.KOHTAANTO_RECOMMENDER_WORKER = m.file;
      else delete process.env.KOHTAANTO_RECOMMENDER_WORKER;
    } else if (m.cmd === 'stop') {
      await srv.close();
      ctx.close();
      await stopRecommenderWorker();
      process.send!({ cmd: 'stopped' }, () => process.exit(0));
      return;
    }
    process.send!({ cmd: 'done' });
  });
  process.send!({ cmd: 'ready', url: srv.openUrl, key: srv.key });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
