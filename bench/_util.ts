/** Percentile of a list of numbers (nearest rank). */
export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

/** Milliseconds with a sensible number of digits. */
export function ms(v: number): string {
  return v < 10 ? `${v.toFixed(2)} ms` : `${v.toFixed(0)} ms`;
}

/** Prints one figure, its baseline from the same run, and the target. */
export function report(label: string, value: number, baseline: number, target?: number): void {
  const verdict = target === undefined ? '' : value <= target ? `  ≤ target ${ms(target)}: met` : `  > target ${ms(target)}: MISSED`;
  console.log(`${label.padEnd(34)} ${ms(value).padStart(10)}   baseline ${ms(baseline).padStart(10)}${verdict}`);
}
