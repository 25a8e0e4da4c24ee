import type { DatabaseHandle } from '../../db/connect.js';
import { CopyTextBuffer } from '../../db/copy.js';
import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { openBulkSession, type BulkSession } from '../demo/bulk-writer.js';
import { multiplyToMoney } from '../orders/decimal.js';
import type { Delimiter } from './formats/text-reader.js';
import type { TextEncoding } from './formats/encoding.js';
import { entityPlans, isLineMode, type EntityOptions, type PlanContext } from './entity-plan.js';
import { fieldsOf, type ImportEntity } from './fields.js';
import { detectHeader } from './header.js';
import { loadLookups } from './lookups.js';
import { autoMap, compileMapping, type Mapping } from './mapping.js';
import { describeReason, PROBLEM_LIMIT, type Problem } from './problems.js';
import { checkRow, type CellProblem } from './row-validator.js';
import { openSource, type SourceRow } from './source.js';
import { createStage, indexStage, STAGE, stageColumns, TOUCHED } from './staging.js';
import { regradeCustomers } from '../grading/instant.service.js';

export interface ImportFile {
  readonly path: string;
  /** The name the user knows the file by (reports name it); defaults to the path. */
  readonly name?: string;
}

export interface ImportRequest extends EntityOptions {
  readonly entity: ImportEntity;
  readonly files: readonly ImportFile[];
  readonly mapping?: Mapping;
  readonly dryRun?: boolean;
  readonly skipBadRows?: boolean;
  readonly encoding?: TextEncoding;
  readonly delimiter?: Delimiter;
  readonly sheet?: string;
  /** Rows skipped on purpose (e.g. cancellations when they are not wanted), matched on the order number prefix. */
  readonly skipOrderPrefix?: string;
}

export interface ImportProgress {
  readonly rows: number;
  readonly fraction: number;
  readonly file: string;
}

export type ImportPhase = 'checking' | 'merging' | 'committing';

export interface ImportHooks {
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Awaited as each phase after staging begins ('committing': everything is written, the COMMIT is next). */
  readonly onPhase?: (phase: ImportPhase) => Promise<void> | void;
  readonly signal?: AbortSignal;
  /** The clock: its business day is the day the customers the import wrote to are re-graded as of. */
  readonly now?: () => Date;
}

export interface FileSummary {
  readonly name: string;
  readonly format: 'text' | 'xlsx';
  readonly encoding?: TextEncoding;
  readonly delimiter?: Delimiter;
  readonly sheet?: string;
  readonly headers: readonly string[];
  readonly mapping: Mapping;
}

export interface ImportResult {
  readonly entity: ImportEntity;
  readonly files: readonly FileSummary[];
  readonly rows: number;
  readonly badRows: number;
  readonly skippedRows: number;
  readonly problemCount: number;
  readonly problems: readonly Problem[];
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Grade changes of the customers the import wrote to, by their instant re-grade. */
  readonly gradeChanges: number;
  readonly committed: boolean;
  readonly dryRun: boolean;
}

export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
  }
}

const BATCH_ROWS = 5000;

/**
 * detect → map → validate → commit, in one transaction on one connection. Rows stream through a row check into a
 * temporary staging table (COPY); the checks that need the whole file or the database run as set-based SQL; then
 * the stage is merged. Dry runs, files with problems (unless skipping bad rows) and cancellations roll back, so
 * nothing is half-written.
 */
export async function runImport(
  handle: DatabaseHandle,
  actor: Actor,
  request: ImportRequest,
  hooks: ImportHooks = {},
): Promise<ImportResult> {
  return handle.db.connection().execute(async (connection) => {
    const session = await openBulkSession(handle);
    try {
      await session.query('BEGIN');
      try {
        const result = await importInTransaction(connection, session, actor, request, hooks);
        if (result.committed) await hooks.onPhase?.('committing');
        await session.query(result.committed ? 'COMMIT' : 'ROLLBACK');
        return result;
      } catch (error) {
        await session.query('ROLLBACK');
        throw error;
      }
    } finally {
      await session.release();
    }
  });
}

async function importInTransaction(
  db: Db,
  session: BulkSession,
  actor: Actor,
  request: ImportRequest,
  hooks: ImportHooks,
): Promise<ImportResult> {
  const { entity } = request;
  const fields = fieldsOf(entity);
  const lookups = await loadLookups(db);
  await createStage(session, fields);
  await session.query(`ALTER TABLE ${STAGE} ADD COLUMN bad boolean NOT NULL DEFAULT false`);
  const columns = [...stageColumns(fields), 'bad'];
  const problems: Problem[] = [];
  let problemCount = 0;
  const addProblem = (problem: Problem) => {
    problemCount++;
    if (problems.length < PROBLEM_LIMIT) problems.push(problem);
  };
  const summaries: FileSummary[] = [];
  const mapped = new Set<string>();
  let rows = 0;
  let badRows = 0;
  let skippedRows = 0;
  for (const [fileNo, file] of request.files.entries()) {
    const name = file.name ?? file.path;
    const source = await openSource(file.path, request, name);
    const iterator = source.rows();
    const head: SourceRow[] = [];
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      head.push(next.value);
      if (head.length >= 20) break;
    }
    const header = detectHeader(
      entity,
      head.map((row) => row.cells),
    );
    const mapping = request.mapping ?? autoMap(entity, header.headers);
    const compiled = compileMapping(mapping, header.headers);
    for (const field of compiled) mapped.add(field.key);
    if (actor.role === 'rep' && entity === 'customers') mapped.add('owner');
    summaries.push({
      name,
      format: source.format,
      encoding: source.encoding,
      delimiter: source.delimiter,
      sheet: source.sheet,
      headers: header.headers,
      mapping,
    });
    const multipliers = new Map(
      Object.entries(mapping).flatMap(([key, spec]) =>
        spec.multiply === undefined ? [] : [[key, spec.multiply] as const],
      ),
    );
    const columnName = (problem: CellProblem) =>
      problem.column === undefined ? problem.field : (header.headers[problem.column] ?? problem.field);
    const staged = new CopyTextBuffer();
    const flush = async () => {
      if (hooks.signal?.aborted) throw new ImportCancelled();
      await session.writeCopyText(STAGE, columns, staged.take());
      hooks.onProgress?.({ rows, fraction: (fileNo + source.progress()) / request.files.length, file: name });
    };
    const handleRow = async (row: SourceRow) => {
      if (row.cells.every((cell) => cell.trim() === '')) return;
      rows++;
      const checked = checkRow(fields, compiled, multipliers, row.cells, row.rowNumber, lookups);
      if (request.skipOrderPrefix && checked.values.order_no?.startsWith(request.skipOrderPrefix)) {
        skippedRows++;
        return;
      }
      completeRow(entity, checked.values, checked.problems, actor, lookups.teamOf, mapped);
      for (const problem of checked.problems) {
        addProblem({
          file: name,
          row: row.rowNumber,
          column: columnName(problem),
          field: problem.field,
          value: problem.value,
          reason: problem.reason,
          message: describeReason(problem.reason),
        });
      }
      if (checked.problems.length > 0) badRows++;
      staged.add([
        String(fileNo),
        String(row.rowNumber),
        ...fields.map((field) => checked.values[field.key] ?? null),
        checked.problems.length > 0 ? 't' : 'f',
      ]);
      if (staged.rows >= BATCH_ROWS) await flush();
    };
    for (const row of head.slice(header.lastHeaderIndex + 1)) await handleRow(row);
    for (let next = await iterator.next(); !next.done; next = await iterator.next())
      await handleRow(next.value);
    await flush();
  }
  const plan = entityPlans[entity];
  await hooks.onPhase?.('checking');
  await indexStage(session, plan.indexed);
  const context: PlanContext = {
    session,
    visible: visiblePredicate(actor),
    mapped,
    newOwnerId: actor.role === 'admin' ? null : actor.id,
    options: request,
  };
  await plan.check(context);
  const setProblems = await session.query<{
    file_no: number;
    row_no: number;
    field: string;
    value: string | null;
    reason: string;
  }>(
    `SELECT file_no, row_no, field, value, reason FROM import_problems ORDER BY file_no, row_no, field LIMIT ${PROBLEM_LIMIT}`,
  );
  const [{ n: setProblemCount = 0 } = {}] = await session.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM import_problems`,
  );
  for (const problem of setProblems) {
    const summary = summaries[problem.file_no] as FileSummary;
    const column = summary.mapping[problem.field]?.column ?? problem.field;
    const reported = {
      file: summary.name,
      row: problem.row_no,
      column,
      field: problem.field,
      value: problem.value ?? '',
      reason: problem.reason,
      message: describeReason(problem.reason),
    };
    if (problems.length < PROBLEM_LIMIT) problems.push(reported);
  }
  problemCount += setProblemCount;
  badRows += Number(
    (
      await session.query<{ n: number }>(
        `SELECT count(DISTINCT (file_no, row_no))::int AS n FROM import_problems`,
      )
    )[0]?.n ?? 0,
  );
  problems.sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.row - b.row ||
      a.column.localeCompare(b.column) ||
      a.reason.localeCompare(b.reason),
  );
  const base = {
    entity,
    files: summaries,
    rows,
    badRows,
    skippedRows,
    problemCount,
    problems,
    dryRun: request.dryRun === true,
  };
  if (problemCount > 0 && !request.skipBadRows)
    return { ...base, inserted: 0, updated: 0, unchanged: 0, gradeChanges: 0, committed: false };
  await session.query(
    `UPDATE ${STAGE} s SET bad = true FROM import_problems p WHERE p.file_no = s.file_no AND p.row_no = s.row_no`,
  );
  const group = plan.groupKey?.(context);
  if (group)
    await session.query(
      `UPDATE ${STAGE} s SET bad = true WHERE s.${group} IN (SELECT ${group} FROM ${STAGE} WHERE bad)`,
    );
  if (hooks.signal?.aborted) throw new ImportCancelled();
  await hooks.onPhase?.('merging');
  const counts = await plan.merge(context);
  const gradeChanges = request.dryRun ? [] : await regradeTouched(session, hooks.now?.() ?? new Date());
  const goodRows = Number(
    (await session.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${STAGE} WHERE NOT bad`))[0]?.n ?? 0,
  );
  const units =
    entity === 'orders' && isLineMode(mapped)
      ? Number(
          (await session.query<{ n: number }>(`SELECT count(*)::int AS n FROM import_orders`))[0]?.n ?? 0,
        )
      : goodRows;
  const unchanged = Math.max(0, units - counts.inserted - counts.updated);
  const summary = {
    entity,
    files: summaries.map((file) => file.name),
    rows,
    badRows,
    skippedRows,
    problemCount,
    inserted: counts.inserted,
    updated: counts.updated,
    unchanged,
    gradeChanges: gradeChanges.length,
    dryRun: request.dryRun === true,
  };
  await session.query(
    `INSERT INTO audit_log (user_id, entity, entity_id, action, before, after) VALUES ($1, 'import', $2, 'import', NULL, $3)`,
    [actor.id, entity, JSON.stringify(summary)],
  );
  if (hooks.signal?.aborted) throw new ImportCancelled();
  return {
    ...base,
    inserted: counts.inserted,
    updated: counts.updated,
    unchanged,
    gradeChanges: gradeChanges.length,
    committed: request.dryRun !== true,
  };
}

/**
 * As a write through the API does, the import re-grades the customers whose graded records it wrote, against each
 * active model's last run, before it commits: the grades never lag what was imported.
 */
async function regradeTouched(session: BulkSession, now: Date): Promise<number[]> {
  const touched = await session.query<{ customer_id: number }>(
    `SELECT DISTINCT customer_id FROM ${TOUCHED} ORDER BY customer_id`,
  );
  return regradeCustomers(
    session.db,
    touched.map((row) => row.customer_id),
    'import',
    now,
  );
}

/** The same rule as shared/scope.ts, as a predicate over `c` for the set-based checks (ids are numbers). */
function visiblePredicate(actor: Actor): string {
  if (actor.role === 'admin') return 'true';
  if (actor.role === 'manager' && actor.teamId !== null)
    return `(c.team_id = ${Number(actor.teamId)} OR c.owner_id = ${Number(actor.id)})`;
  return `c.owner_id = ${Number(actor.id)}`;
}

/** Derived values and the checks that depend on who imports: owners within the importer's reach, line amounts. */
function completeRow(
  entity: ImportEntity,
  values: Record<string, string | null>,
  problems: CellProblem[],
  actor: Actor,
  teamOf: ReadonlyMap<number, number | null>,
  mapped: ReadonlySet<string>,
): void {
  if (entity === 'customers') {
    if (values.owner === null && actor.role === 'rep') values.owner = String(actor.id);
    const owner = values.owner === null || values.owner === undefined ? null : Number(values.owner);
    if (owner !== null && actor.role === 'rep' && owner !== actor.id)
      problems.push({ field: 'owner', column: undefined, value: String(owner), reason: 'out_of_scope' });
    if (owner !== null && actor.role === 'manager' && teamOf.get(owner) !== actor.teamId)
      problems.push({ field: 'owner', column: undefined, value: String(owner), reason: 'not_in_team' });
  }
  if (
    entity === 'orders' &&
    isLineMode(mapped) &&
    values.line_amount === null &&
    values.quantity &&
    values.unit_price
  ) {
    values.line_amount = multiplyToMoney(
      values.quantity.replace('-', ''),
      values.unit_price.replace('-', ''),
    );
    if (
      values.quantity.startsWith('-') !== values.unit_price.startsWith('-') &&
      /[1-9]/.test(values.line_amount)
    )
      values.line_amount = `-${values.line_amount}`;
  }
  if (
    entity === 'orders' &&
    !isLineMode(mapped) &&
    values.amount === null &&
    !problems.some((p) => p.field === 'amount')
  ) {
    problems.push({ field: 'amount', column: undefined, value: '', reason: 'required' });
  }
  if (entity === 'orders' && isLineMode(mapped)) {
    for (const key of ['product', 'quantity', 'unit_price'] as const) {
      if (values[key] === null && !problems.some((p) => p.field === key))
        problems.push({ field: key, column: undefined, value: '', reason: 'required' });
    }
  }
}
