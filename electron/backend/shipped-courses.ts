import fs from 'node:fs';
import path from 'node:path';
import { SHIPPED_COURSES, type ShippedCourse } from '../../shared/course/shipped';
import type { CoursePack } from '../../shared/course/types';
import { readPack } from './course/pack';
import { resourcesDir } from './resources';

/** A shipped course pack with its file resolved in the bundled resources folder. */
export interface ShippedCourseFile extends ShippedCourse {
  path: string;
}

/**
 * The course packs shipped with the app whose files are present (a development checkout always has
 * them; they are committed), for "open a shipped course" on the start screen and the CLI.
 */
export function shippedCourses(): ShippedCourseFile[] {
  const dir = resourcesDir();
  return SHIPPED_COURSES.map((c) => ({ ...c, path: path.join(dir, c.file) })).filter((c) => fs.existsSync(c.path));
}

/** The bytes of a shipped pack by id, or undefined when there is no such pack. */
export function readShippedCourse(id: string): { course: ShippedCourseFile; bytes: Uint8Array } | undefined {
  const course = shippedCourses().find((c) => c.id === id);
  return course ? { course, bytes: fs.readFileSync(course.path) } : undefined;
}

// Read packs by file, size and time: the start screen lists them each time it shows, and a pack is unzipped and validated to be read.
const packs = new Map<string, { stamp: string; pack: Promise<CoursePack> }>();

/** A shipped pack read and validated like any pack (cached while its file is unchanged), or undefined when there is no such pack. */
export function loadShippedCourse(id: string): Promise<CoursePack> | undefined {
  const course = shippedCourses().find((c) => c.id === id);
  if (!course) return undefined;
  const st = fs.statSync(course.path);
  const stamp = `${st.size}:${st.mtimeMs}`;
  const hit = packs.get(course.path);
  if (hit?.stamp === stamp) return hit.pack;
  const pack = readPack(fs.readFileSync(course.path), path.basename(course.file));
  // A refused read is not kept: the next call tries again (and says why again).
  pack.catch(() => packs.delete(course.path));
  packs.set(course.path, { stamp, pack });
  return pack;
}
