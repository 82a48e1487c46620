/**
 * The remote recommender on the command line: `--remote URL` on `recommend` and `match`, and
 * `compare-recommenders`. The endpoint is used for the command only (the workspace's own source
 * is left as it is); the key comes from KOHTAANTO_REMOTE_KEY, never from an argument, so that it
 * stays out of shell history and process lists.
 */
import type { RemoteEndpointInput, ComparisonRecord, RemoteRecommendResult } from '../../../shared/api/remote';
import { RemoteEndpointSchema } from '../../../shared/api/remote';
import { pickText, type Language, type LocalizedText } from '../../../shared/model';
import type { AppContext } from '../../backend/context';
import { overrideSource } from '../../backend/domains/remote';
import { EnvSecrets, REMOTE_KEY_ENV, setSecretStore } from '../../backend/remote/secrets';
import { cliLanguage, decimal, one, percent, unwrap, UsageError, withRegistry, type Command } from '../common';
import { translator } from '../../../renderer/src/i18n/catalogue';

/** Options every remote-capable command takes. */
export const REMOTE_OPTIONS = {
  remote: { type: 'string' },
  'key-header': { type: 'string' },
  timeout: { type: 'string' },
  parallel: { type: 'string' },
  area: { type: 'string' },
} as const;

export const REMOTE_USAGE = [
  '  --remote URL        ask an AuroraAI-compatible recommender at URL instead of the built-in one',
  '                      (only meters and filters are sent, never names or notes of personas)',
  `  --key-header NAME   header carrying the API key, read from the environment variable ${REMOTE_KEY_ENV}`,
  '  --timeout MS        time per request before it is retried, 200–120000 (default 10000)',
  '  --parallel N        requests in flight at once, 1–32 (default 4)',
  '  --area LEVEL        municipality, region, county or none: which area filter a persona sends (default municipality)',
];

function int(value: unknown, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${name} must be a whole number ${min}–${max}, not "${String(value)}".`);
  return n;
}

/** The endpoint the options describe, or undefined without --remote. */
export function remoteFromOptions(values: Record<string, unknown>, limit?: number) {
  if (values.remote === undefined) {
    for (const o of ['key-header', 'timeout', 'parallel', 'area']) if (values[o] !== undefined) throw new UsageError(`--${o} needs --remote URL.`);
    return undefined;
  }
  const input: RemoteEndpointInput = {
    kind: 'remote',
    baseUrl: String(values.remote),
    ...(values['key-header'] ? { keyHeader: String(values['key-header']) } : {}),
    ...(values.timeout !== undefined ? { timeoutMs: int(values.timeout, '--timeout', 200, 120_000) } : {}),
    ...(values.parallel !== undefined ? { parallel: int(values.parallel, '--parallel', 1, 32) } : {}),
    ...(values.area !== undefined ? { area: String(values.area) as 'municipality' } : {}),
    ...(limit !== undefined ? { limit } : {}),
  };
  const parsed = RemoteEndpointSchema.safeParse(input);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `${i.path.length ? `--${i.path.join('.')}` : '--remote'}: ${i.message}`).join('; '));
  if (parsed.data.keyHeader && !process.env[REMOTE_KEY_ENV]) throw new UsageError(`--key-header ${parsed.data.keyHeader} needs the key in the environment variable ${REMOTE_KEY_ENV}.`);
  return parsed.data;
}

/** Points the command's backend at the endpoint and says on stderr what leaves the machine. */
export function useRemote(ctx: AppContext, endpoint: NonNullable<ReturnType<typeof remoteFromOptions>>, lang: Language): void {
  setSecretStore(ctx, new EnvSecrets());
  overrideSource(ctx, endpoint);
  console.error(translator(lang)('cli.remote.asking', { url: endpoint.baseUrl }));
}

const nameOf = (names: Record<string, LocalizedText>, id: string, lang: Language) => pickText(names[id], lang) || id;

/** `recommend FILE --remote URL`: the remote answer, mapped to the workspace. */
export async function remoteRecommend(file: string, endpoint: NonNullable<ReturnType<typeof remoteFromOptions>>, input: Record<string, unknown>, json: boolean, lang: Language): Promise<number> {
  const r = await withRegistry(file, async (registry) => unwrap(await registry.call('remote.recommend', input)) as RemoteRecommendResult, { prepare: (ctx) => useRemote(ctx, endpoint, lang) });
  if (json) {
    console.log(JSON.stringify(r, null, 2));
    return 0;
  }
  const t = translator(lang);
  console.log(`${t('cli.remote.answer', { operation: r.operation, endpoint: r.endpoint, summary: t('remote.tryoutSummary', { count: r.services.length, mapped: r.mapped, unmapped: r.unmapped }) })}\n`);
  for (const s of r.services) {
    const score = s.score === null ? '' : `  ${t('remote.similarity').toLowerCase()} ${decimal(s.score, lang, 3)}`;
    console.log(`${String(s.rank).padStart(2)}. ${s.name}  [${s.serviceId ?? `${t('remote.notMapped')}: PTV ${s.ptvId}`}]${score}`);
  }
  return 0;
}

export const remoteCommands: Record<string, Command> = {
  'compare-recommenders': {
    summary: 'Put the personas through the built-in and a remote recommender and compare them',
    usage: [
      'kohtaanto compare-recommenders FILE --remote URL [--k N] [--limit N] [--label TEXT] [--json] [remote options]',
      '',
      '  --k N         length of the top lists compared, 1–50 (default 10)',
      '  --limit N     services asked of each recommender per persona, 1–50 (default 20, at least k)',
      '  --label TEXT  a note saved with the comparison',
      '  --lang LANG   language of the output, fi, sv or en (default: the system locale)',
      '  --json        the saved comparison as JSON',
      ...REMOTE_USAGE,
      '',
      "Per persona: overlap@k = |A∩B| / max(|A|,|B|) of the two top-k lists, Kendall's tau-b over their union",
      '(a service missing from a list ranked k+1 there), the services only one recommends, and coverage, gaps',
      'and counters to visit of the matching analysis with each list. Saved in the workspace (Matching screen).',
    ].join('\n'),
    options: { ...REMOTE_OPTIONS, k: { type: 'string' }, limit: { type: 'string' }, label: { type: 'string' }, lang: { type: 'string' }, json: { type: 'boolean' } },
    async run({ values, positionals }) {
      const file = one(positionals, 'FILE');
      if (values.remote === undefined) throw new UsageError('compare-recommenders needs --remote URL.');
      const k = int(values.k, '--k', 1, 50) ?? 10;
      const limit = int(values.limit, '--limit', 1, 50);
      const endpoint = remoteFromOptions(values, limit)!;
      const lang = cliLanguage(values.lang);
      const t = translator(lang);
      const rec = await withRegistry(
        file,
        async (registry) => unwrap(await registry.call('remote.compare', { k, ...(values.label ? { label: String(values.label) } : {}) })) as ComparisonRecord,
        { prepare: (ctx) => useRemote(ctx, endpoint, lang) },
      );
      const c = rec.comparison;
      const name = (id: string) => nameOf(rec.names, id, lang);
      if (values.json) {
        console.log(JSON.stringify(rec, null, 2));
        return c.complete ? 0 : 3;
      }
      console.log(t('cli.remote.comparison', { id: rec.id, when: rec.createdAt, endpoint: c.endpoint, k: c.k, limit: c.limit }));
      if (!c.complete) {
        console.log(t('cli.match.incomplete', { count: c.missing.length }));
        for (const m of c.missing) console.log(`  - ${name(m.persona)}: ${m.message}`);
      }
      const tot = c.totals;
      const side = (x: { coverage: number; covered: number; personaNeeds: number }) => `${percent(x.coverage, lang)} (${x.covered}/${x.personaNeeds})`;
      console.log(`\n${t('cli.remote.means', { count: tot.personas, k: c.k, overlap: decimal(tot.overlap, lang, 3), tau: decimal(tot.tau, lang, 3) })}`);
      console.log(t('cli.remote.coverage', { builtin: side(tot.builtin), remote: side(tot.remote) }));
      console.log(t('remote.gaps', { builtin: tot.builtin.gaps.length, remote: tot.remote.gaps.length }));
      console.log(`${t('cli.remote.counters', { builtin: tot.builtin.counters, remote: tot.remote.counters })}\n`);
      for (const p of c.personas) {
        console.log(name(p.persona));
        const figures = { k: c.k, overlap: decimal(p.overlap, lang, 3), tau: decimal(p.tau, lang, 3), builtin: percent(p.coverage.builtin, lang), remote: percent(p.coverage.remote, lang), countersBuiltin: p.counters.builtin, countersRemote: p.counters.remote };
        console.log(`  ${t('cli.remote.persona', figures)}`);
        if (p.onlyBuiltin.length) console.log(`  ${t('remote.onlyBuiltin')}: ${p.onlyBuiltin.map(name).join('; ')}`);
        if (p.onlyRemote.length) console.log(`  ${t('remote.onlyRemote')}: ${p.onlyRemote.map((id) => (id.startsWith('ptv:') ? `${name(id)} [${t('remote.notMapped')}]` : name(id))).join('; ')}`);
      }
      if (c.unmapped.length) {
        console.log(`\n${t('remote.unmappedHeading', { count: c.unmapped.length })}: ${t('cli.remote.notInWorkspace')}`);
        for (const u of c.unmapped) console.log(`  - ${u.name} [PTV ${u.ptvId}] ${t('remote.unmappedFor', { count: u.personas.length })}`);
      }
      return c.complete ? 0 : 3;
    },
  },
};
