import { MAX_EVALUATION_TOP, MAX_TOP, type Evaluation, type InlinePersona, type MatchingRunRecord, type RecommendResult } from '../../../shared/api/matching';
import { METERS, pickText, type Language, type LocalizedText, type Meter } from '../../../shared/model';
import { codeLists } from '../../backend/io/codes';
import { cliLanguage, decimal, one, percent, unwrap, UsageError, withRegistry, type Command } from '../common';
import { translator } from '../../../renderer/src/i18n/catalogue';
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

function nameOf(names: Record<string, LocalizedText>, id: string, lang: Language): string {
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
      '  --language LANG     services offered in this language; explanations and the output in it too',
      '                      (default: results for Finnish, the output in the system locale\'s language)',
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
        return remoteRecommend(file, remote, input, !!values.json, language ?? cliLanguage());
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
      // The explanations are in the query's language; the lines around them follow it, or the locale.
      const lang = language ?? cliLanguage();
      const t = translator(lang);
      const total = decimal(result.index.services, lang);
      for (const note of result.notes) console.log(t('cli.note', { note }));
      if (result.notes.length) console.log('');
      if (!result.results.length) {
        console.log(t('cli.recommend.none', { eligible: decimal(result.eligible, lang), total }));
        return 0;
      }
      console.log(t('cli.recommend.top', { count: result.results.length, eligible: decimal(result.eligible, lang), total }));
      console.log(`${t('cli.recommend.score')}\n`);
      for (const r of result.results) {
        // Rounded down, as in the app: the score never reaches 100 %.
        const score = decimal(Math.floor(r.score * 1000) / 10, lang, 1);
        console.log(t('cli.recommend.result', { rank: String(r.rank).padStart(2), name: r.name, id: r.serviceId, score, points: decimal(r.points, lang, 2) }));
        if (r.duplicates?.length) console.log(`      ${t('cli.recommend.sameService', { ids: r.duplicates.join(', ') })}`);
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
      '  --lang LANG      language of the output, fi, sv or en (default: the system locale)',
      '  --json           the whole saved run as JSON',
      ...REMOTE_USAGE,
      '',
      'The run is saved in the workspace file with its parameters and time; the app lists it under Matching.',
      'With --remote, a service counts for a persona only when the remote recommender lists it; a run some',
      'personas got no remote answer for says so and exits with 3.',
    ].join('\n'),
    options: { ...REMOTE_OPTIONS, 'life-event': { type: 'string' }, threshold: { type: 'string' }, 'equity-min': { type: 'string' }, label: { type: 'string' }, lang: { type: 'string' }, json: { type: 'boolean' } },
    async run({ values, positionals }) {
      const file = one(positionals, 'FILE');
      let threshold: number | undefined;
      if (values.threshold !== undefined) {
        threshold = Number(values.threshold);
        if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) throw new UsageError(`--threshold must be a number 0–1, not "${String(values.threshold)}".`);
      }
      const equityMinPersonas = intOption(values['equity-min'], '--equity-min', 1, 1000);
      const lang = cliLanguage(values.lang);
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
        { prepare: remote ? (ctx) => useRemote(ctx, remote, lang) : undefined },
      );
      const incomplete = rec.run.source && !rec.run.source.complete;
      if (values.json) {
        console.log(JSON.stringify(rec, null, 2));
        return incomplete ? 3 : 0;
      }
      const { run, names } = rec;
      const t = translator(lang);
      const name = (id: string) => nameOf(names, id, lang);
      const n = (x: number) => decimal(x, lang);
      if (run.source) {
        console.log(t('cli.match.source', { endpoint: run.source.endpoint, limit: run.source.limit }));
        if (incomplete) {
          console.log(t('cli.match.incomplete', { count: run.source.missing.length }));
          for (const m of run.source.missing) console.log(`  - ${name(m.persona)}: ${m.message}`);
        }
        if (run.source.unmapped.length) {
          console.log(`${t('remote.unmappedHeading', { count: run.source.unmapped.length })}: ${run.source.unmapped.map((u) => `${u.name} [PTV ${u.ptvId}]`).join('; ')}`);
        }
      }
      const tot = run.totals;
      const scope = run.scope.lifeEventId ? t('cli.match.lifeEvent', { name: name(run.scope.lifeEventId) }) : t('matching.wholeWorkspace').toLowerCase();
      console.log(t('cli.match.run', { id: rec.id, when: rec.createdAt, scope, threshold: decimal(run.params.threshold, lang, 2) }));
      const weighting = t(run.weighting === 'importance' ? 'matching.weightImportance' : 'matching.weightPeople');
      console.log(t('cli.match.coverage', { coverage: percent(tot.coverage, lang), weighting, covered: n(tot.covered), pairs: n(tot.personaNeeds), unweighted: percent(tot.coverageUnweighted, lang) }));
      console.log(`${t('cli.match.scope', { personas: n(tot.personas), people: n(tot.people), needs: n(tot.needs), services: n(tot.services) })}\n`);
      console.log(t('cli.match.gaps', { count: run.gaps.length }));
      for (const g of run.gaps) {
        const near = g.bestService ? t('cli.match.nearest', { service: name(g.bestService), score: decimal(g.bestScore, lang, 2) }) : '';
        console.log(`  - ${t('cli.match.gap', { need: name(g.need), count: g.personas.length, people: n(g.people) })}${near}`);
      }
      console.log(t('cli.match.overlaps', { count: run.overlaps.length }));
      for (const o of run.overlaps) {
        const organisations = t('cli.match.organisations', { count: o.organisations.length });
        const noProvider = o.noProvider.length ? t('cli.match.withoutProvider', { count: o.noProvider.length }) : '';
        console.log(`  - ${t('cli.match.overlap', { need: name(o.need), organisations, noProvider, services: t('cli.match.services', { count: o.services.length }) })}`);
      }
      console.log(t('cli.match.counters'));
      for (const c of run.counters) {
        const places = [...c.organisations.map(name), ...c.noProvider.map((s) => t('cli.match.noProvider', { name: name(s) }))];
        console.log(`  - ${name(c.persona)}: ${c.count} (${places.join(', ') || '—'})${c.method === 'greedy' ? ` (${t('matching.atLeast', { count: c.lowerBound })})` : ''}`);
      }
      const flagged = run.equity.flatMap((d) =>
        d.groups
          .filter((g) => g.flagged)
          .map((g) =>
            t('cli.match.flag', {
              dimension: t(`matching.dimension.${d.dimension}`),
              group: g.group,
              personas: n(g.personas),
              people: n(g.people),
              coverage: g.coverage === null ? '—' : percent(g.coverage, lang),
              diff: `${g.diff! > 0 ? '+' : ''}${decimal(g.diff! * 100, lang, 1)}`,
            }),
          ),
      );
      console.log(`${t('cli.match.equity', { flagged: flagged.length, count: run.params.equityMinPersonas })}${flagged.length ? '' : ` ${t('cli.match.none')}`}`);
      for (const f of flagged) console.log(`  - ${f}`);
      console.log(t('cli.match.unserved', { count: n(run.underUse.unserved.length), total: n(tot.services) }));
      return incomplete ? 3 : 0;
    },
  },

  evaluate: {
    summary: "Score the recommender against the personas' expected services (precision, recall, nDCG, MRR)",
    usage: [
      'kohtaanto evaluate FILE [--k N] [--json]',
      '',
      "  --k N    length of the ranked list each persona's expected services are sought in, 1–50 (default 10)",
      '  --lang   language of the output, fi, sv or en (default: the system locale)',
      '  --json   the figures as JSON',
    ].join('\n'),
    options: { k: { type: 'string' }, lang: { type: 'string' }, json: { type: 'boolean' } },
    async run({ values, positionals }) {
      const file = one(positionals, 'FILE');
      const k = intOption(values.k, '--k', 1, 50) ?? 10;
      const lang = cliLanguage(values.lang);
      const t = translator(lang);
      const ev = await withRegistry(file, async (registry) => unwrap(await registry.call('recommend.evaluate', { k })) as Evaluation);
      if (values.json) {
        console.log(JSON.stringify(ev, null, 2));
        return 0;
      }
      if (!ev.cases.length) {
        console.log(t('cli.evaluate.nothing'));
        return 0;
      }
      const col = (x: string | number) => String(x).padStart(9);
      const f = (x: number) => col(decimal(x, lang, 3));
      const overall = t('cli.evaluate.overall', { count: ev.overall.cases });
      const width = Math.min(60, Math.max(...ev.cases.map((c) => c.name.length), overall.length));
      console.log(`${t('cli.evaluate.persona').padEnd(width)}${col(t('cli.evaluate.expected'))}${col(`P@${k}`)}${col(`R@${k}`)}${col(`nDCG@${k}`)}${col('MRR')}`);
      for (const c of ev.cases) {
        console.log(`${c.name.slice(0, width).padEnd(width)}${col(c.relevant)}${f(c.precision)}${f(c.recall)}${f(c.ndcg)}${f(c.mrr)}`);
      }
      const o = ev.overall;
      console.log(`${overall.padEnd(width)}${col('')}${f(o.precision)}${f(o.recall)}${f(o.ndcg)}${f(o.mrr)}`);
      if (ev.skipped.length) console.log(`\n${t('cli.evaluate.leftOut', { count: ev.skipped.length })}`);
      return 0;
    },
  },
};
