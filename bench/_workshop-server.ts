/**
 * The server side of bench/workshop.ts, in its own process so that its memory is measured alone:
 * the real HTTP server on loopback with the example workspace and a running session.
 */
import { fcall, startRig } from '../electron/server/workshop.testkit';

async function main(): Promise<void> {
  const rig = await startRig({ realClock: true });
  const s = await fcall(rig.registry, 'workshop.start', {
    settings: { title: 'Bench', maxParticipants: 60 },
    agenda: [
      { id: 'ideas', kind: 'brainstorm', title: 'Ideat', prompt: 'Mitä tarvitaan?', minutes: 30 },
      { id: 'props', kind: 'propose', title: 'Ehdotukset', minutes: 30 },
    ],
  });
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 250);
  process.on('message', async (m: { cmd: string }) => {
    if (m.cmd === 'memory') {
      global.gc?.();
      const u = process.memoryUsage();
      const c = process.cpuUsage();
      process.send!({ cmd: 'memory', rss: u.rss, heapUsed: u.heapUsed, peak, cpuMs: (c.user + c.system) / 1000 });
    } else if (m.cmd === 'stop') {
      clearInterval(sampler);
      await fcall(rig.registry, 'workshop.end', { saveRecord: true });
      await rig.close();
      process.send!({ cmd: 'stopped' }, () => process.exit(0));
    }
  });
  global.gc?.();
  process.send!({ cmd: 'ready', url: rig.srv.url, code: s.code, rss: process.memoryUsage().rss });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
