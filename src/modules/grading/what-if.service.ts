import { gradePopulation, type GradingResult, type Model } from '../../engine/index.js';
import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { visibleCustomerIds } from '../shared/scope.js';
import { measureEveryone } from './metrics.service.js';
import { lastRun } from './run.repository.js';
import { loadModelVersion } from './run.service.js';
import { requireModelEditor, validateDefinition } from './model.service.js';
import { businessDay } from './instant.service.js';
import { withClvMetrics } from '../clv/clv-metrics.js';

async function gradeAll(db: Db, model: Model, asOf: string): Promise<GradingResult> {
  const columns = await withClvMetrics(db, model, await measureEveryone(db, model, asOf), asOf);
  return gradePopulation(model, columns, { asOf });
}

const gradeById = (result: GradingResult) =>
  new Map(Array.from(result.ids, (id, i) => [id, result.grades[i]!]));

/**
 * Previews an edited definition before it is saved: both the current version and the edit grade the same data as
 * of the same date (each with its own window and lateness rule), and the answer is the from × to matrix, both
 * distributions and the customers who move — the movers limited to those the user may see.
 */
export async function previewModelChange(
  db: Db,
  actor: Actor,
  modelId: number,
  input: { definition: unknown; asOf?: string },
  now: Date,
) {
  requireModelEditor(actor);
  const after = validateDefinition(input.definition);
  const { definition: before } = await loadModelVersion(db, modelId);
  const asOf = input.asOf ?? (await lastRun(db, modelId))?.as_of ?? businessDay(now);
  const [a, b] = [await gradeAll(db, before, asOf), await gradeAll(db, after, asOf)];
  const beforeGrades = gradeById(a);
  const afterGrades = gradeById(b);
  const ids = [...new Set([...beforeGrades.keys(), ...afterGrades.keys()])].sort((x, y) => x - y);
  const outside = { before: before.ladder.length, after: after.ladder.length };
  const migration = Array.from({ length: outside.before + 1 }, () =>
    new Array<number>(outside.after + 1).fill(0),
  );
  const moved: { customerId: number; from: string | null; to: string | null }[] = [];
  for (const id of ids) {
    const from = beforeGrades.get(id);
    const to = afterGrades.get(id);
    migration[from ?? outside.before]![to ?? outside.after]!++;
    const fromCode = from === undefined ? null : before.ladder[from]!.code;
    const toCode = to === undefined ? null : after.ladder[to]!.code;
    if (fromCode !== toCode) moved.push({ customerId: id, from: fromCode, to: toCode });
  }
  const visible = new Set((await visibleCustomerIds(db, actor).execute()).map((row) => row.id));
  const movers = moved.filter((m) => visible.has(m.customerId));
  const names = movers.length
    ? await db
        .selectFrom('customers')
        .select(['id', 'name', 'code'])
        .where(
          'id',
          'in',
          movers.slice(0, 500).map((m) => m.customerId),
        )
        .execute()
    : [];
  const nameById = new Map(names.map((n) => [n.id, n]));
  return {
    asOf,
    ladders: { before: before.ladder, after: after.ladder },
    /** Rows: grades before (last row: not in the population before); columns: after (last: not after). */
    migration,
    before: a.distribution,
    after: b.distribution,
    moved: moved.length,
    movers: movers.slice(0, 500).map((m) => ({
      ...m,
      code: nameById.get(m.customerId)?.code ?? null,
      name: nameById.get(m.customerId)?.name ?? null,
    })),
  };
}
