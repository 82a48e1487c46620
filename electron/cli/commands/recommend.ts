import { MAX_EVALUATION_TOP, MAX_TOP, type Evaluation, type InlinePersona, type MatchingRunRecord, type RecommendResult } from '../../../shared/api/matching';
import { METERS, pickText, type Language, type LocalizedText, type Meter } from '../../../shared/model';
import { codeLists } from '../../backend/io/codes';
import { one, unwrap, UsageError, withRegistry, type Command } from '../common';
import { REMOTE_OPTIONS, REMOTE_USAGE, remoteFromOptions, remoteRecommend, useRemote } from './remote';

const LANGS = ['fi', 'sv', 'en'] as const;

function intOption(value: unknown, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${name} must be a whole number ${min}–${max}, not "${String(value)}".`);
  return n;
}

function languageOption(value: unknown): Language | undefined {
  if (value === undefined) return undefined;
  if (!(LANGS as readonly string[]).includes(String(value))) throw new UsageError(`--language must be fi, sv or en, not "${String(value)}".`);
  return value as Language;
}

/** `--meter housing=2`, repeatable; the names are the AuroraAI API's meter keys. */
function parseMeters(values: unknown): Partial<Record<Meter, number>> | undefined {
  if (values === undefined) return undefined;
  const out: Partial<Record<Meter, number>> = {};
  for (const raw of values as string[]) {
    const m = /^([a-z_]+)=(.+)$/.exec(raw.trim());
    if (!m) throw new UsageError(`--meter takes NAME=VALUE (e.g. housing=2), not "${raw}".`);
    if (!(METERS as readonly string[]).includes(m[1])) throw new UsageError(`Unknown meter "${m[1]}"; the meters are ${METERS.join(', ')}.`);
    const v = Number(m[2]);
    if (!Number.isFinite(v) || v < 0 || v > 10) throw new UsageError(`A meter value is 0–10, not "${m[2]}" (${m[1]}).`);
    out[m[1] as Meter] = v;
  }
  return out;
}

/** A municipality code as given, or looked up by its Finnish, Swedish or English name. */
function municipalityOption(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const v = String(value).trim();
  if (/^\d{3}$/.test(v)) return v;
  const code = codeLists().municipalityByName(v);
  if (!code) throw new UsageError(`--municipality takes a municipality code (e.g. 564) or name, not "${v}".`);
  return code;
}

const pct = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)} %`;

function nameOf(names: Record<string, LocalizedText>, id: string, lang: Language = 'fi'): string {
  return pickText(names[id], lang) || id;
}

export const recommendCommands: Record<string, Command> = {
  recommend: {
    summary: 'Recommend services for a life situation (3X10D meters, text, filters)',
    usage: [
      'kohtaanto recommend FILE [--meter NAME=VALUE]... [--text TEXT] [--municipality CODE] [--language fi|sv|en] [--age N] [--persona ID] [--top N | --all] [--json]',
      '',
      '  --meter NAME=VALUE  a life-situation meter, 0 (worst) to 10 (best); repeat for several.',
      `                      NAME is one of ${METERS.join(', ')}`,
      '  --text TEXT         free text in Finnish, Swedish or English',
      '  --municipality CODE municipality code or name: services of other areas are left out',
      '  --language LANG     services offered in this language; explanations in it too (default fi)',
      '  --age N             leave out services only for other age groups',
      '  --persona ID        start from a persona of the workspace (the options above override it)',
      '  --top N             number of results (default 10): 1–50, or up to the number of services',
      '                      in the workspace for evaluation work',
      '  --all               rank every service of the workspace (evaluation work)',
      '  --json              the whole result as JSON',
      ...REMOTE_USAGE,
    ].join('\n'),
    options: {
      ...REMOTE_OPTIONS,
      meter: { type: 'string', multiple: true },
      text: { type: 'string' },
      municipality: { type: 'string' },
      language: { type: 'string' },
      age: { type: 'string' },
      persona: { type: 'string' },
      top: { type: 'string' },
      all: { type: 'boolean' },
      json: { type: 'boolean' },
    },
    async run({ values, positionals }) {
      const file = one(positionals, 'FILE');
      const language = languageOption(values.language);
      const persona: InlinePersona = {};
      const meters = parseMeters(values.meter);
      if (meters) persona.meters = meters;
      const age = intOption(values.age, '--age', 0, 120);
      if (age !== undefined) persona.age = age;
      const municipality = municipalityOption(values.municipality);
      if (municipality) persona.municipality = municipality;
      if (language) persona.language = language;
      if (values.all && values.top !== undefined) throw new UsageError('Give either --top or --all, not both.');
      // The workspace's size bounds --top; the service checks it, as for the API.
      const top = intOption(values.top, '--top', 1, MAX_EVALUATION_TOP) ?? 10;
      const text = values.text === undefined ? undefined : String(values.text);
      if (!meters && !text && !values.persona) throw new UsageError('Give at least one --meter, --text or --persona.');
      const remote = remoteFromOptions(values, values.top === undefined ? undefined : top);
      if (remote && (values.all || top > MAX_TOP)) throw new UsageError(`A remote recommender answers at most ${MAX_TOP} services; --all and a larger --top rank the workspace's own catalogue only.`);
      if (remote) {
        const inline = { ...(meters ? { meters } : {}), ...(municipality ? { municipality } : {}), ...(age !== undefined ? { ageMin: age, ageMax: age } : {}) };
        const input = { ...(values.persona ? { personaId: String(values.persona) } : {}), persona: inline, ...(text ? { text } : {}), language: language ?? 'fi' };
        return remoteRecommend(file, remote, input, !!values.json);
      }
      const result = await withRegistry(file, async (registry) =>
        unwrap(
          await registry.call('recommend.query', {
            ...(values.persona ? { personaId: String(values.persona) } : {}),
            persona,
            ...(text ? { text } : {}),
            top,
            ...(values.all ? { all: true } : {}),
            language: language ?? 'fi',
          }),
        ) as RecommendResult,
      );
      if (values.json) {
        console.log(JSON.stringify(result, null, 2));
        return 0;
      }
      for (const note of result.notes) console.log(`Note: ${note}`);
      if (result.notes.length) console.log('');
      if (!result.results.length) {
        console.log(`No service matches (${result.eligible} of ${result.index.services} services pass the filters).`);
        return 0;
      }
      console.log(`Top ${result.results.length} of ${result.eligible} services that pass the filters (${result.index.services} in the workspace).`);
      console.log(`Score: 0–100 %, the reasons' points p mapped by 1 − e^(−p) (1 point = 63 %, 2 = 86 %, 3 = 95 %); --json gives it as 0–1.\n`);
      for (const r of result.results) {
        // Rounded down, as in the app: the score never reaches 100 %.
        console.log(`${String(r.rank).padStart(2)}. ${r.name}  [${r.serviceId}]  score ${(Math.floor(r.score * 1000) / 10).toFixed(1)} % (${r.points.toFixed(2)} points)`);
        if (r.duplicates?.length) console.log(`      (same service also as ${r.duplicates.join(', ')})`);
        for (const s of r.explanation) console.log(`      - ${s}`);
      }
      return 0;
    },
  },

  match: {
    summary: 'Run the matching analysis (coverage, gaps, overlaps, counters) and save the run',
    usage: [
      'kohtaanto match FILE [--life-event ID] [--threshold X] [--equity-min N] [--label TEXT] [--json]',
      '',
      '  --life-event ID  analyse one life event (default: the whole workspace)',
      '  --threshold X    serve score at which a service covers a need, 0–1 (default 0.5)',
      '  --equity-min N   smallest group (personas) whose coverage difference is flagged (default 2)',
      '  --label TEXT     a note saved with the run',
      '  --json           the whole saved run as JSON',
      ...REMOTE_USAGE,
      '',
      'The run is saved in the workspace file with its parameters and time; the app lists it under Matching.',
      'With --remote, a service counts for a persona only when the remote recommender lists it; a run some',
      'personas got no remote answer for says so and exits with 3.',
    ].join('\n'),
    options: { ...REMOTE_OPTIONS, 'life-event': { type: 'string' }, threshold: { type: 'string' }, 'equity-min': { type: 'string' }, label: { type: 'string' }, json: { type: 'boolean' } },
    async run({ values, positionals }) {
      const file = one(positionals, 'FILE');
      let threshold: number | undefined;
      if (values.threshold !== undefined) {
        threshold = Number(values.threshold);
        if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) throw new UsageError(`--threshold must be a number 0–1, not "${String(values.threshold)}".`);
      }
      const equityMinPersonas = intOption(values['equity-min'], '--equity-min', 1, 1000);
      const remote = remoteFromOptions(values);
      const rec = await withRegistry(file, async (registry) =>
        unwrap(
          await registry.call('matching.run', {
            ...(values['life-event'] ? { lifeEventId: String(values['life-event']) } : {}),
            ...(threshold !== undefined ? { threshold } : {}),
            ...(equityMinPersonas !== undefined ? { equityMinPersonas } : {}),
            ...(values.label ? { label: String(values.label) } : {}),
          }),
        ) as MatchingRunRecord,
        { prepare: remote ? (ctx) => useRemote(ctx, remote) : undefined },
      );
      const incomplete = rec.run.source && !rec.run.source.complete;
      if (values.json) {
        console.log(JSON.stringify(rec, null, 2));
        return incomplete ? 3 : 0;
      }
      const { run, names } = rec;
      if (run.source) {
        console.log(`Recommendations from ${run.source.endpoint} (lists of ${run.source.limit}).`);
        if (incomplete) {
          console.log(`INCOMPLETE: ${run.source.missing.length} persona(s) got no remote answer and are left out of every figure below:`);
          for (const m of run.source.missing) console.log(`  - ${nameOf(names, m.persona)}: ${m.message}`);
        }
        if (run.source.unmapped.length) {
          console.log(`Recommended but not mapped (${run.source.unmapped.length}): ${run.source.unmapped.map((u) => `${u.name} [PTV ${u.ptvId}]`).join('; ')}`);
        }
      }
      const t = run.totals;
      const scope = run.scope.lifeEventId ? `life event ${nameOf(names, run.scope.lifeEventId)}` : 'whole workspace';
      console.log(`Matching run ${rec.id}, saved ${rec.createdAt}: ${scope}, threshold ${run.params.threshold}`);
      console.log(`Coverage: ${pct(t.coverage)} weighted by ${run.weighting === 'importance' ? 'importance' : 'importance × people a year'}; ${t.covered} of ${t.personaNeeds} persona × need pairs covered (${pct(t.coverageUnweighted)}).`);
      console.log(`Scope: ${t.personas} personas (${t.people} people a year), ${t.needs} needs, ${t.services} services.\n`);
      console.log(`Gaps (${run.gaps.length}):`);
      for (const g of run.gaps) {
        const near = g.bestService ? `; nearest: ${nameOf(names, g.bestService)} at ${g.bestScore.toFixed(2)}` : '';
        console.log(`  - ${nameOf(names, g.need)}: ${g.personas.length} persona(s), ${g.people} people a year${near}`);
      }
      console.log(`Overlaps (${run.overlaps.length}):`);
      const noProvider = (ids: string[]) => (ids.length ? ` + ${ids.length} service(s) without a provider` : '');
      for (const o of run.overlaps) console.log(`  - ${nameOf(names, o.need)}: ${o.organisations.length} organisations${noProvider(o.noProvider)}, ${o.services.length} services`);
      console.log('Counters to visit:');
      for (const c of run.counters) {
        const places = [...c.organisations.map((o) => nameOf(names, o)), ...c.noProvider.map((s) => `${nameOf(names, s)} [no provider]`)];
        console.log(`  - ${nameOf(names, c.persona)}: ${c.count} (${places.join(', ') || '—'})${c.method === 'greedy' ? ' (greedy)' : ''}`);
      }
      const flagged = run.equity.flatMap((d) =>
        d.groups
          .filter((g) => g.flagged)
          .map((g) => `${d.dimension} ${g.group} (${g.personas} personas, ${g.people} people a year): ${g.coverage === null ? '—' : pct(g.coverage)} (${g.diff! > 0 ? '+' : ''}${(g.diff! * 100).toFixed(1)} points)`),
      );
      console.log(`Equity flags (${flagged.length}; groups of fewer than ${run.params.equityMinPersonas} personas are not flagged):${flagged.length ? '' : ' none'}`);
      for (const f of flagged) console.log(`  - ${f}`);
      console.log(`Services serving no persona's need: ${run.underUse.unserved.length} of ${t.services}`);
      return incomplete ? 3 : 0;
    },
  },

  evaluate: {
    summary: "Score the recommender against the personas' expected services (precision, recall, nDCG, MRR)",
    usage: [
      'kohtaanto evaluate FILE [--k N] [--json]',
      '',
      "  --k N    length of the ranked list each persona's expected services are sought in, 1–50 (default 10)",
      '  --json   the figures as JSON',
    ].join('\n'),
    options: { k: { type: 'string' }, json: { type: 'boolean' } },
    async run({ values, positionals }) {
      const file = one(positionals, 'FILE');
      const k = intOption(values.k, '--k', 1, 50) ?? 10;
      const ev = await withRegistry(file, async (registry) => unwrap(await registry.call('recommend.evaluate', { k })) as Evaluation);
      if (values.json) {
        console.log(JSON.stringify(ev, null, 2));
        return 0;
      }
      if (!ev.cases.length) {
        console.log('No persona lists expected services, so there is nothing to evaluate against.');
        return 0;
      }
      const col = (x: string | number) => String(x).padStart(9);
      const f = (x: number) => col(x.toFixed(3));
      const width = Math.min(60, Math.max(...ev.cases.map((c) => c.name.length), 'overall (99 personas)'.length));
      console.log(`${'persona'.padEnd(width)}${col('expected')}${col(`P@${k}`)}${col(`R@${k}`)}${col(`nDCG@${k}`)}${col('MRR')}`);
      for (const c of ev.cases) {
        console.log(`${c.name.slice(0, width).padEnd(width)}${col(c.relevant)}${f(c.precision)}${f(c.recall)}${f(c.ndcg)}${f(c.mrr)}`);
      }
      const o = ev.overall;
      console.log(`${`overall (${o.cases} personas)`.padEnd(width)}${col('')}${f(o.precision)}${f(o.recall)}${f(o.ndcg)}${f(o.mrr)}`);
      if (ev.skipped.length) console.log(`\n${ev.skipped.length} persona(s) without expected services were left out.`);
      return 0;
    },
  },
};
