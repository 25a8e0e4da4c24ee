import type { Db } from '../audit/audit.repository.js';
import { AppError } from '../../server/errors.js';
import type { RunParams } from '../../engine/index.js';
import { findRun, readRunParams, readRunResults } from './run.repository.js';
import { gradeAsOf, loadModelVersion } from './run.service.js';

export interface RunDifference {
  readonly customerId: number;
  readonly field:
    'presence' | 'grade' | 'computed_grade' | 'status' | 'pending' | 'score' | 'rfm_code' | 'factor_scores';
  readonly stored: unknown;
  readonly recomputed: unknown;
}

export interface VerifyReport {
  readonly runId: number;
  readonly asOf: string;
  readonly customers: number;
  readonly identical: boolean;
  readonly differences: number;
  /** The first differences found, enough to investigate (the count above is complete). */
  readonly sample: RunDifference[];
}

const same = (a: number | null, b: number) => (a === null ? Number.isNaN(b) : Object.is(a, b));

/**
 * Re-computes a past run from its model version, its as-of date, the previous run's grades and the overrides in
 * force when it started, and compares every stored value bit for bit. Differences mean the data as of that date
 * changed afterwards (a back-dated order or payment), and say where.
 */
export async function verifyRun(db: Db, runId: number, sampleSize = 50): Promise<VerifyReport> {
  const run = await findRun(db, runId);
  if (!run) throw AppError.notFound();
  const { definition } = await loadModelVersion(db, run.model_id, run.version);
  const { result } = await gradeAsOf(db, definition, run.model_id, run.as_of, {
    previousRunId: run.previous_run_id,
    overridesAt: { runId },
    clv: (await readRunParams<RunParams>(db, runId)).clv,
  });
  const stored = await readRunResults(db, runId);
  const differences: RunDifference[] = [];
  let count = 0;
  const note = (difference: RunDifference) => {
    count++;
    if (differences.length < sampleSize) differences.push(difference);
  };
  const factorIds = Object.keys(result.factorScores);
  const recomputedIndex = new Map<number, number>();
  result.ids.forEach((id, i) => recomputedIndex.set(id, i));
  for (const row of stored) {
    const i = recomputedIndex.get(row.customer_id);
    if (i === undefined) {
      note({ customerId: row.customer_id, field: 'presence', stored: true, recomputed: false });
      continue;
    }
    recomputedIndex.delete(row.customer_id);
    const compare = (field: RunDifference['field'], a: number | null, b: number) => {
      if (!same(a, b)) note({ customerId: row.customer_id, field, stored: a, recomputed: b });
    };
    compare('grade', row.grade, result.grades[i]!);
    compare('computed_grade', row.computed_grade, result.computedGrades[i]!);
    compare('status', row.status, result.status[i]!);
    compare('pending', row.pending, result.pending[i]!);
    compare('score', row.score, result.scores[i]!);
    if (result.rfm) compare('rfm_code', row.rfm_code, result.rfm.code[i]!);
    const factors = factorIds.map((id) => result.factorScores[id]![i]!);
    if (
      factors.length !== row.factor_scores.length ||
      factors.some((f, k) => !same(row.factor_scores[k] ?? null, f))
    ) {
      note({
        customerId: row.customer_id,
        field: 'factor_scores',
        stored: row.factor_scores,
        recomputed: factors,
      });
    }
  }
  for (const customerId of recomputedIndex.keys())
    note({ customerId, field: 'presence', stored: false, recomputed: true });
  return {
    runId,
    asOf: run.as_of,
    customers: stored.length,
    identical: count === 0,
    differences: count,
    sample: differences,
  };
}
