import { z } from 'zod';

/** The ten 3X10D life-situation meters, keyed as in the AuroraAI API. */
export const METERS = [
  'health',
  'resilience',
  'housing',
  'working_studying',
  'family',
  'friends',
  'finance',
  'improvement_of_strengths',
  'self_esteem',
  'life_satisfaction',
] as const;
export type Meter = (typeof METERS)[number];
export const MeterSchema = z.enum(METERS);

/** A persona's meter answers: 0 (worst) to 10 (best) for each meter. */
export const MeterValuesSchema = z.object(
  Object.fromEntries(METERS.map((m) => [m, z.number().min(0).max(10)])) as Record<Meter, z.ZodNumber>,
);
export type MeterValues = z.infer<typeof MeterValuesSchema>;

/** A service's relevance to each meter, 0..1; meters left out are unknown (not labelled). */
export const MeterAffinitiesSchema = z.partialRecord(MeterSchema, z.number().min(0).max(1));
export type MeterAffinities = z.infer<typeof MeterAffinitiesSchema>;

/** A neutral persona: every meter at 5. */
export function neutralMeters(): MeterValues {
  return Object.fromEntries(METERS.map((m) => [m, 5])) as MeterValues;
}
