import type { PopulationColumns } from './columns.js';
import { gradePopulation, type GradeOptions, type GradeShare } from './grade.js';
import type { Model } from './model/schema.js';

export interface Mover {
  readonly customerId: number;
  /** Grade code under each model; null when the customer is outside that model's population. */
  readonly from: string | null;
  readonly to: string | null;
}

export interface WhatIf {
  /** counts[i][j]: customers graded ladder_before[i] before and ladder_after[j] after (both populations). */
  readonly migration: readonly (readonly number[])[];
  readonly before: readonly GradeShare[];
  readonly after: readonly GradeShare[];
  readonly movers: readonly Mover[];
}

/**
 * Previews a model change: grades the same population with both models (or versions) and reports the
 * from × to migration matrix, both distributions, and every customer whose grade code changes.
 */
export function whatIf(
  before: Model,
  after: Model,
  columns: PopulationColumns,
  options: GradeOptions,
): WhatIf {
  const a = gradePopulation(before, columns, options);
  const b = gradePopulation(after, columns, options);
  const gradeAfterByRow = new Int32Array(columns.ids.length).fill(-1);
  b.rows.forEach((row, i) => (gradeAfterByRow[row] = b.grades[i]!));
  const gradeBeforeByRow = new Int32Array(columns.ids.length).fill(-1);
  a.rows.forEach((row, i) => (gradeBeforeByRow[row] = a.grades[i]!));

  const migration = before.ladder.map(() => new Array<number>(after.ladder.length).fill(0));
  const movers: Mover[] = [];
  for (let row = 0; row < columns.ids.length; row++) {
    const from = gradeBeforeByRow[row]!;
    const to = gradeAfterByRow[row]!;
    if (from >= 0 && to >= 0) migration[from]![to]!++;
    const fromCode = from >= 0 ? before.ladder[from]!.code : null;
    const toCode = to >= 0 ? after.ladder[to]!.code : null;
    if (fromCode !== toCode) movers.push({ customerId: columns.ids[row]!, from: fromCode, to: toCode });
  }
  return { migration, before: a.distribution, after: b.distribution, movers };
}
