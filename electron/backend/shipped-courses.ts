import fs from 'node:fs';
import path from 'node:path';
import { SHIPPED_COURSES, type ShippedCourse } from '../../shared/course/shipped';
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
