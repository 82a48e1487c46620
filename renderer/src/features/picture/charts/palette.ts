/** Chart colours that keep their contrast on a light and a dark surface; never the only cue (tables and labels say the same). */
export const PLANNED = '#0b5cad';
export const ACTUAL = '#e08a00';
export const NEGATIVE = '#b3261e';
export const POSITIVE = '#1e7a3c';
export const NEUTRAL = '#8a99ab';
/** Likert 1–5, the diverging convention: disagreement red, agreement blue, the middle grey. */
export const LIKERT = { 1: '#b2182b', 2: '#ef8a62', 3: '#b8b8b8', 4: '#67a9cf', 5: '#2166ac' } as const;
