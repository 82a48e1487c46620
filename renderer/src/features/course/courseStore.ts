import { create } from 'zustand';
import type { CourseManifest, CourseProgress, ExerciseResult } from '../../../../shared/course/types';
import type { AppError } from '../../../../shared/api/result';
import { attempt } from '../../app/store';
import { courseCall } from './courseApi';

interface ParticipantState {
  /** The workspace path the state below belongs to (another workspace starts empty). */
  path: string | null;
  manifest: CourseManifest | null;
  progress: CourseProgress | null;
  /** The last "check my work" of each exercise in this session, with how long it took. */
  results: Record<string, { result: ExerciseResult; ms: number }>;
  /** Hints shown so far, per exercise (one more each time the participant asks). */
  hintsShown: Record<string, number>;
  checking: boolean;
  /** Runs the current exercise's checks on the copy ("check my work"); refusals go to `fail`. */
  check(fail: (e: AppError) => string): Promise<void>;
  load(path: string | null): Promise<void>;
  set(p: Partial<ParticipantState>): void;
}

/** The open participant's copy: its pack, progress and this session's check results. */
export const useCourse = create<ParticipantState>((set, get) => ({
  path: null,
  manifest: null,
  progress: null,
  results: {},
  hintsShown: {},
  checking: false,
  async check(fail) {
    const { manifest, progress, checking } = get();
    if (!manifest || checking) return;
    const exercise = progress?.currentExercise ?? manifest.exercises[0].id;
    set({ checking: true });
    const started = performance.now();
    const result = await attempt(() => courseCall('course.check', { exercise }), fail);
    set({ checking: false });
    if (!result) return;
    const ms = Math.round(performance.now() - started);
    set({ results: { ...get().results, [exercise]: { result, ms } } });
    // The copy keeps the last check and the time spent: read them back for the list's marks.
    await get().load(get().path).catch(() => undefined);
  },
  async load(path) {
    if (!path) {
      set({ path: null, manifest: null, progress: null, results: {}, hintsShown: {} });
      return;
    }
    const other = get().path !== path;
    if (other) set({ path, manifest: null, progress: null, results: {}, hintsShown: {} });
    const current = await courseCall('course.current', {});
    if (get().path !== path) return;
    set({ manifest: current?.manifest ?? null, progress: current?.progress ?? null });
  },
  set: (p) => set(p),
}));
