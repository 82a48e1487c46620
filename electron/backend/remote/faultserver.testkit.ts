/**
 * A small loopback server that plays an AuroraAI-compatible recommender badly on purpose: it
 * answers well, slowly, with a dropped connection, 500, 429, 401, malformed JSON or an answer that
 * breaks the spec, as the test's `behave` decides per request. It records every request body and
 * header, and how many requests were in flight at once.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Behaviour =
  | { kind: 'ok'; services: { id: string; name: string }[] }
  | { kind: 'delay'; ms: number; services?: { id: string; name: string }[] }
  | { kind: 'drop' }
  | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
  | { kind: 'malformed' }
  | { kind: 'spec' };

export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: any;
  raw: string;
}

export interface FaultServer {
  url: string;
  received: Received[];
  maxInFlight: number;
  close(): Promise<void>;
}

export async function startFaultServer(behave: (req: Received, n: number) => Behaviour): Promise<FaultServer> {
  const received: Received[] = [];
  let inFlight = 0;
  const state = { maxInFlight: 0 };
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, inFlight);
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown = null;
      try {
        body = JSON.parse(raw);
      } catch {
        body = null;
      }
      const r: Received = { path: req.url ?? '', headers: req.headers, body, raw };
      received.push(r);
      const b = behave(r, received.length);
      const done = () => inFlight--;
      const answer = (services: { id: string; name: string }[]) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({
            auroraai_recommendation_id: received.length,
            recommended_services: services.map((s, i) => ({ service_id: s.id, service_name: s.name, similarity_score: 1 - i / 100, rank: i + 1, service_channels: [] })),
          }),
        );
        done();
      };
      switch (b.kind) {
        case 'ok':
          return answer(b.services);
        case 'delay':
          setTimeout(() => {
            if (res.destroyed || req.socket.destroyed) return done();
            answer(b.services ?? []);
          }, b.ms);
          return;
        case 'drop':
          req.socket.destroy();
          return done();
        case 'status':
          res.writeHead(b.status, { 'Content-Type': 'application/json', ...b.headers });
          res.end(b.body ?? JSON.stringify({ error: 'Error', message: `planned ${b.status}` }));
          return done();
        case 'malformed':
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end('{"recommended_services": [ {"service_id": "x", ');
          return done();
        case 'spec':
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ auroraai_recommendation_id: 1, recommended_services: [{ service_name: 'Ilman tunnistetta', similarity_score: 'high' }] }));
          return done();
      }
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    received,
    get maxInFlight() {
      return state.maxInFlight;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
