/**
 * The 22,000-service catalogue the recommender benches share: the real rows of the AuroraAI
 * labelling sheet and the legacy PTV services, copied under new ids until the size is reached,
 * spread over real municipalities and regions, each provided by one of 400 organisations.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Link, Service } from '../shared/model';
import { areaLookupFromTable } from '../shared/recommender/area';
import { DATA_DIR, labelRowToService, loadAreaMaps, loadLabelRows, loadLegacyServices, seededRandom } from './recommender-data';

export function syntheticCatalogue(n: number, seed = 2024) {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const municipalities: string[] = (
    JSON.parse(readFileSync(join(DATA_DIR, 'codes', 'municipalities-2023.json'), 'utf8')) as { results: { codeValue: string }[] }
  ).results.map((r) => r.codeValue);
  const { region, wellbeingCounty } = loadAreaMaps();
  const table: Record<string, string[]> = {};
  for (const [k, v] of region) table[`region:${k}`] = v;
  for (const [k, v] of wellbeingCounty) table[`county:${k}`] = v;
  const regionCodes = Object.keys(table);
  const rows = loadLabelRows();
  const legacy = loadLegacyServices();
  const templates: { service: Service; org?: string }[] = [
    ...rows.map((r) => ({ service: labelRowToService(r, true), org: r.sheet })),
    ...legacy.map((l) => ({ service: l.service, org: l.organisationId })),
  ];
  const organisations = Array.from({ length: 400 }, (_, i) => `org-${String(i).padStart(3, '0')}`);
  const services: Service[] = [];
  const links: Link[] = [];
  let linkId = 0;
  for (let k = 0; services.length < n; k++) {
    for (const t of templates) {
      if (services.length >= n) break;
      const s: Service = { ...t.service, id: `svc-${String(services.length).padStart(6, '0')}` };
      // Spread copies over the country so area filters have work to do.
      if (k > 0 && s.areaType === 'limited') s.areas = [rand() < 0.2 ? pick(regionCodes) : pick(municipalities)];
      if (rand() < 0.15) s.languages = ['fi', 'sv'];
      services.push(s);
      links.push({ id: `l${linkId++}`, type: 'provides', source: pick(organisations), target: s.id, data: {} });
    }
  }
  return { services, links, rows, legacy, municipalities, table, organisations, areaLookup: areaLookupFromTable(table), regionCodes, rand, pick, nextLinkId: () => `l${linkId++}` };
}
