import type Database from 'better-sqlite3';

/**
 * What the recommender index is built from, as two change counters (recommender_inputs), so a
 * reopened workspace need not read and hash every row to know whether its saved index still fits:
 * - `catalogue` moves with every change to services and life events and to `inLifeEvent` links
 *   (what the saved snapshot's costly part is computed from);
 * - `index` moves with those and with needs and the `addresses`, `hasNeed` and `provides` links
 *   (everything the index reads).
 * Plain SQL triggers move them in the transaction of the write, whoever writes (an edit, undo, an
 * import, another process, another SQLite tool); they only ever count up, so a value is never seen
 * twice for two contents. `recommender_catalogue_seen` remembers, per build options, the catalogue
 * fingerprint computed at a counter value: while the counter has not moved, that fingerprint holds.
 *
 * The kinds and link types must equal those read in electron/backend/recommender/cache.ts; a later
 * change of either needs a migration that recreates these triggers (cache.test.ts checks both).
 */
export const INPUT_TRIGGERS = [
  'recommender_inputs_entity_insert',
  'recommender_inputs_entity_update',
  'recommender_inputs_entity_delete',
  'recommender_inputs_link_insert',
  'recommender_inputs_link_update',
  'recommender_inputs_link_delete',
] as const;

const INDEX_KINDS = `('service', 'need', 'lifeEvent')`;
const CATALOGUE_KINDS = `('service', 'lifeEvent')`;
const INDEX_LINKS = `('addresses', 'inLifeEvent', 'hasNeed', 'provides')`;
const CATALOGUE_LINKS = `('inLifeEvent')`;

const bump = (catalogueWhen: string) => `UPDATE recommender_inputs SET version = version + 1 WHERE name = 'index' OR (name = 'catalogue' AND (${catalogueWhen}));`;

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE recommender_inputs (
      name TEXT PRIMARY KEY,
      version INTEGER NOT NULL
    );
    INSERT INTO recommender_inputs (name, version) VALUES ('catalogue', 0), ('index', 0);
    CREATE TABLE recommender_catalogue_seen (
      options TEXT PRIMARY KEY,
      version INTEGER NOT NULL,
      fingerprint TEXT NOT NULL
    );

    CREATE TRIGGER recommender_inputs_entity_insert AFTER INSERT ON entities
    WHEN NEW.kind IN ${INDEX_KINDS} BEGIN
      ${bump(`NEW.kind IN ${CATALOGUE_KINDS}`)}
    END;
    -- An upsert that writes the same document again (only updated_at moves) changes nothing the index reads.
    CREATE TRIGGER recommender_inputs_entity_update AFTER UPDATE ON entities
    WHEN (OLD.kind IN ${INDEX_KINDS} OR NEW.kind IN ${INDEX_KINDS})
      AND (OLD.id IS NOT NEW.id OR OLD.kind IS NOT NEW.kind OR OLD.data IS NOT NEW.data) BEGIN
      ${bump(`OLD.kind IN ${CATALOGUE_KINDS} OR NEW.kind IN ${CATALOGUE_KINDS}`)}
    END;
    CREATE TRIGGER recommender_inputs_entity_delete AFTER DELETE ON entities
    WHEN OLD.kind IN ${INDEX_KINDS} BEGIN
      ${bump(`OLD.kind IN ${CATALOGUE_KINDS}`)}
    END;

    CREATE TRIGGER recommender_inputs_link_insert AFTER INSERT ON links
    WHEN NEW.type IN ${INDEX_LINKS} BEGIN
      ${bump(`NEW.type IN ${CATALOGUE_LINKS}`)}
    END;
    CREATE TRIGGER recommender_inputs_link_update AFTER UPDATE ON links
    WHEN (OLD.type IN ${INDEX_LINKS} OR NEW.type IN ${INDEX_LINKS})
      AND (OLD.id IS NOT NEW.id OR OLD.type IS NOT NEW.type OR OLD.source IS NOT NEW.source OR OLD.target IS NOT NEW.target OR OLD.data IS NOT NEW.data) BEGIN
      ${bump(`OLD.type IN ${CATALOGUE_LINKS} OR NEW.type IN ${CATALOGUE_LINKS}`)}
    END;
    CREATE TRIGGER recommender_inputs_link_delete AFTER DELETE ON links
    WHEN OLD.type IN ${INDEX_LINKS} BEGIN
      ${bump(`OLD.type IN ${CATALOGUE_LINKS}`)}
    END;
  `);
}
