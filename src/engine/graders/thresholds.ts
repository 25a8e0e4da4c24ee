/** Score thresholds, best grade first: the first grade whose minimum the score reaches; NULL gets the last. */
export interface ThresholdParams {
  readonly kind: 'thresholds';
  readonly thresholds: readonly number[];
}

export function gradeByThreshold(thresholds: readonly number[], score: number): number {
  let g = 0;
  while (g < thresholds.length && !(score >= thresholds[g]!)) g++;
  return g;
}

export function gradeThresholds(thresholds: readonly number[], scores: Float64Array): Int32Array {
  const grades = new Int32Array(scores.length);
  for (let i = 0; i < scores.length; i++) grades[i] = gradeByThreshold(thresholds, scores[i]!);
  return grades;
}
