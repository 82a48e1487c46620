import type Database from 'better-sqlite3';
import * as m0010 from './0010-create-core';
import * as m0020 from './0020-create-history';
import * as m0030 from './0030-canvas-layout';
import * as m0040 from './0040-matching-runs';
import * as m0050 from './0050-situational-picture';
import * as m0060 from './0060-workshop-records';
import * as m0070 from './0070-remote-recommender';
import * as m0080 from './0080-course';
import * as m0090 from './0090-entity-tables';
import * as m0100 from './0100-recommender-index';
import * as m0110 from './0110-recommender-inputs';
import * as m0120 from './0120-shallow-sort-keys';

export interface Migration {
  version: number;
  up(db: Database.Database): void;
}

/** Every migration in order; the version is the number in the file name. Append only. */
export const MIGRATIONS: Migration[] = [
  { version: 10, up: m0010.up },
  { version: 20, up: m0020.up },
  { version: 30, up: m0030.up },
  { version: 40, up: m0040.up },
  { version: 50, up: m0050.up },
  { version: 60, up: m0060.up },
  { version: 70, up: m0070.up },
  { version: 80, up: m0080.up },
  { version: 90, up: m0090.up },
  { version: 100, up: m0100.up },
  { version: 110, up: m0110.up },
  { version: 120, up: m0120.up },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
