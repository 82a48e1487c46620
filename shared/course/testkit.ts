import { WorkspaceJsonSchema, type WorkspaceJson } from '../model/workspace-file';
import type { Entity, Link } from '../model';
import { lifeEvent, need, org, persona, svc } from '../recommender/testkit';
import { COURSE_FORMAT, COURSE_FORMAT_VERSION, CourseManifestSchema, type CoursePack } from './types';

/**
 * A small pack for tests, computed by hand: the start has one life event whose persona p1 has two
 * needs, one served (importance 3) and one not (importance 1) → coverage 0.75, one gap. The model
 * answer of exercise `e1` adds a service for the second need → coverage 1, no gaps.
 */
export function startEntities(): { entities: Entity[]; links: Link[] } {
  const l = (id: string, type: Link['type'], source: string, target: string, data: Link['data'] = {}): Link => ({ id, type, source, target, data });
  return {
    entities: [
      lifeEvent('le1', 'Muutto Ouluun'),
      need('nA', 'Asunto'),
      need('nB', 'Ystävät'),
      svc('sA', 'Asuntoneuvonta'),
      org('orgA', 'Oulun kaupunki'),
      persona('p1', { name: { fi: 'Nuori oululainen', sv: 'Ung uleåborgare' }, ageMin: 18, ageMax: 24, municipality: '564' }),
    ],
    links: [
      l('k1', 'hasNeed', 'le1', 'nA'),
      l('k2', 'hasNeed', 'le1', 'nB'),
      l('k3', 'addresses', 'sA', 'nA'),
      l('k4', 'provides', 'orgA', 'sA'),
      l('k5', 'personaNeed', 'p1', 'nA', { importance: 3 }),
      l('k6', 'personaNeed', 'p1', 'nB', { importance: 1 }),
    ],
  };
}

export function workspaceJson(content: { entities: Entity[]; links: Link[] }, title = 'Harjoitus'): WorkspaceJson {
  return WorkspaceJsonSchema.parse({ format: 'kohtaanto-workspace', version: 2, title: { fi: title }, ...content, picture: { items: [], reviews: [] } });
}

/** The start with a service for nB (exercise e1's model answer). */
export function answerEntities(): { entities: Entity[]; links: Link[] } {
  const s = startEntities();
  return {
    entities: [...s.entities, svc('sB', 'Kohtaamispaikka')],
    links: [...s.links, { id: 'k7', type: 'addresses', source: 'sB', target: 'nB', data: {} }],
  };
}

export function samplePack(over: { id?: string; revision?: number } = {}): CoursePack {
  const manifest = CourseManifestSchema.parse({
    format: COURSE_FORMAT,
    formatVersion: COURSE_FORMAT_VERSION,
    id: over.id ?? 'test-pack',
    revision: over.revision ?? 1,
    title: { fi: 'Testikurssi', sv: 'Testkurs', en: 'Test course' },
    workspaces: [{ id: 'start', title: { fi: 'Lähtötilanne' } }],
    exercises: [
      {
        id: 'e1',
        title: { fi: 'Täytä aukko', sv: 'Fyll luckan', en: 'Fill the gap' },
        instructions: { fi: 'Lisää palvelu ystävien tarpeeseen.' },
        start: { from: 'workspace', workspace: 'start' },
        checks: [
          { id: 'gaps', title: { fi: 'Ei aukkoja' }, hint: { fi: 'Linkitä palvelu tarpeeseen Ystävät.' }, rule: { type: 'matching', lifeEvent: { id: 'le1' }, measure: 'gaps', comparison: 'atMost', value: 0 } },
          { id: 'cov', title: { fi: 'Kattavuus' }, rule: { type: 'matching', lifeEvent: { id: 'le1' }, measure: 'coverage', comparison: 'atLeast', value: 0.9 } },
          { id: 'why', title: { fi: 'Perustelu' }, rule: { type: 'freeAnswer', prompt: { fi: 'Miksi tämä palvelu?' } } },
        ],
      },
      {
        id: 'e2',
        title: { fi: 'Persoona', sv: 'Persona', en: 'Persona' },
        instructions: { fi: 'Lisää 65–80-vuotias persoona.' },
        start: { from: 'previousAnswer' },
        checks: [{ id: 'old', title: { fi: 'Eläkeläinen' }, rule: { type: 'entityExists', match: { kind: 'persona', ageMin: 65, ageMax: 80 } } }],
      },
    ],
  });
  const answer2 = answerEntities();
  answer2.entities.push(persona('p2', { name: { fi: 'Eläkeläinen' }, ageMin: 65, ageMax: 80 }));
  return {
    manifest,
    workspaces: { start: workspaceJson(startEntities(), 'Lähtötilanne') },
    answers: { e1: workspaceJson(answerEntities(), 'Malli 1'), e2: workspaceJson(answer2, 'Malli 2') },
  };
}
