/**
 * Writes the built-in example workspace `nuoret-kiinni-yhteiskunnassa.json` from the real public data
 * in ../shared/data (or $KOHTAANTO_DATA) and the hand-entered nuoret-kiinni-yhteiskunnassa.data.json;
 * how it is built, and what comes from where, is said in ./example.ts.
 *
 *   npx tsx resources/examples/build-example.ts
 *
 * The JSON is the committed artefact; electron/backend/shipped-example.test.ts rebuilds it and
 * compares. The course pack nuoret-kiinni-yhteiskunnassa starts from it: rebuild that too
 * (npx tsx resources/courses/build-courses.ts nuoret-kiinni-yhteiskunnassa).
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildExample, EXAMPLE_OUT, exampleFileText } from './example';

async function main(): Promise<void> {
  const ws = await buildExample();
  fs.writeFileSync(EXAMPLE_OUT, exampleFileText(ws));
  const count = (k: string) => ws.entities.filter((e) => e.kind === k).length;
  console.log(
    `wrote ${path.relative(process.cwd(), EXAMPLE_OUT)}: ${ws.entities.length} entities (` +
      ['organisation', 'service', 'channel', 'lifeEvent', 'need', 'persona'].map((k) => `${k} ${count(k)}`).join(', ') +
      `), ${ws.links.length} links`,
  );
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
