/**
 * Builds the course packs shipped with the app from the real data in ../shared/data (or
 * $KOHTAANTO_DATA) and writes resources/courses/<id>.kohtaanto-course with the app's pack writer.
 * Refuses to write a pack whose model answer fails one of its own checks, or whose exercise starts
 * in a state that already passes every check it asks for.
 *
 *   npx tsx resources/courses/build-courses.ts [pack-id ...]
 *
 * The written files are committed; electron/backend/shipped-courses.test.ts rebuilds them and
 * compares.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writePack } from '../../electron/backend/course/pack';
import { SHIPPED_COURSES } from '../../shared/course/shipped';
import { PACK_BUILDERS } from './packs';
import { verifyPack } from './verify';

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  for (const course of SHIPPED_COURSES) {
    if (wanted.length && !wanted.includes(course.id)) continue;
    const pack = await PACK_BUILDERS[course.id]();
    if (pack.manifest.id !== course.id) throw new Error(`${course.id}: the builder made pack ${pack.manifest.id}`);
    const problems = verifyPack(pack);
    if (problems.length) throw new Error(`${course.id}:\n  ${problems.join('\n  ')}`);
    const bytes = await writePack(pack);
    const out = path.resolve(__dirname, '..', course.file);
    fs.writeFileSync(out, bytes);
    console.log(`wrote ${path.relative(process.cwd(), out)}: ${pack.manifest.exercises.length} exercises, ${(bytes.length / 1024).toFixed(0)} KiB`);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
