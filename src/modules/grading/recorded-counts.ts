import type { GradeShare } from '../../engine/index.js';

/** The grade counts a run recorded for its whole population (grades nobody holds left out). */
export function recordedCounts(run: { distribution: unknown }): { grade: number; count: number }[] {
  return (run.distribution as GradeShare[])
    .map(({ count }, grade) => ({ grade, count }))
    .filter(({ count }) => count > 0);
}
