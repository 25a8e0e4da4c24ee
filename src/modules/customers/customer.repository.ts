import {
  sql,
  type ExpressionBuilder,
  type Insertable,
  type SelectQueryBuilder,
  type Updateable,
} from 'kysely';
import type { CustomerTable, Database } from '../../db/database.js';
import { preparedStatement } from '../../db/prepared.js';
import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { startOfBusinessDay } from '../shared/business-day-sql.js';
import { containsPattern, type Cursor } from '../shared/pagination.js';
import { isVisibleCustomer, liveCustomers, scopeKey, visibleCustomers } from '../shared/scope.js';
import type { CustomerFilter, CustomerListFilter } from './customer.schema.js';

/** A sort key of the list: its SQL expression and the type its cursor text is read back as. */
const sortExpressions = {
  name: { expression: sql`customers.name`, type: sql`text` },
  code: { expression: sql`customers.code`, type: sql`text` },
  province: { expression: sql`coalesce(customers.province, '')`, type: sql`text` },
  createdAt: { expression: sql`customers.created_at`, type: sql`timestamptz` },
  updatedAt: { expression: sql`customers.updated_at`, type: sql`timestamptz` },
  amount: { expression: sql`coalesce(customer_state.amount, 0)`, type: sql`numeric` },
  lastOrder: { expression: sql`coalesce(customer_state.last_order, DATE '0001-01-01')`, type: sql`date` },
} as const;

type CustomerQuery = SelectQueryBuilder<Database, 'customers', object>;

/** A customer with everything the record shows: owner, team, referrer, transaction summary and current grades. */
function withViewColumns(customers: CustomerQuery) {
  return customers
    .leftJoin('users as owner', 'owner.id', 'customers.owner_id')
    .leftJoin('teams', 'teams.id', 'customers.team_id')
    .leftJoin('customers as referrer', 'referrer.id', 'customers.referred_by_id')
    .leftJoin('customer_state', 'customer_state.customer_id', 'customers.id')
    .selectAll('customers')
    .select([
      'owner.name as owner_name',
      'teams.name as team_name',
      'referrer.name as referred_by_name',
      'customer_state.order_count as state_order_count',
      'customer_state.amount as state_amount',
      'customer_state.profit as state_profit',
      'customer_state.first_order as state_first_order',
      'customer_state.last_order as state_last_order',
      'customer_state.unpaid_amount as state_unpaid_amount',
      'customer_state.last_contact as state_last_contact',
      'customer_state.contact_count as state_contact_count',
      currentGrades().as('grades'),
    ]);
}

/** A customer as the list's table shows it: a quarter of the record's bytes, for the page read most often. */
function withRowColumns(customers: CustomerQuery) {
  return customers
    .leftJoin('users as owner', 'owner.id', 'customers.owner_id')
    .leftJoin('teams', 'teams.id', 'customers.team_id')
    .leftJoin('customer_state', 'customer_state.customer_id', 'customers.id')
    .select([
      'customers.id',
      'customers.code',
      'customers.name',
      'customers.type',
      'customers.lifecycle_stage',
      'customers.lifecycle_locked',
      'customers.owner_id',
      'owner.name as owner_name',
      'customers.team_id',
      'teams.name as team_name',
      'customers.province',
      'customers.city',
      'customers.industry',
      'customer_state.amount as state_amount',
      'customer_state.last_order as state_last_order',
      currentGrades().as('grades'),
    ]);
}

function customerViews(db: Db, actor: Actor) {
  return withViewColumns(visibleCustomers(db, actor));
}

/**
 * Each customer's current grade in every active model, aggregated inside the list's own query (a correlated
 * subquery over the (model_id, customer_id) key) so that a page costs one round trip however long it is. The
 * active models are read once per statement (an init plan), not joined again for every row of the page. The
 * mapper puts them in model order: ordered inside the aggregate, each row started a sort of its own, an eighth of
 * PostgreSQL's time for a list page (pgbench, 1M customers).
 */
function currentGrades() {
  return sql<Array<{ modelId: number; code: string }>>`(
    select coalesce(
      json_agg(json_build_object('modelId', cg.model_id, 'code', cg.grade_code)),
      '[]'::json
    )
    from customer_grades cg
    where cg.customer_id = customers.id
      and cg.model_id = any (array(select gm.id from grading_models gm where gm.active))
  )`;
}

export type CustomerViewRow = Awaited<
  ReturnType<ReturnType<typeof customerViews>['executeTakeFirstOrThrow']>
>;
export type CustomerRowRow = Awaited<
  ReturnType<ReturnType<typeof withRowColumns>['executeTakeFirstOrThrow']>
>;

function applyFilter(query: CustomerQuery, actor: Actor, filter: CustomerFilter): CustomerQuery {
  let q = query;
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    q = q.where((eb) =>
      eb.or([
        eb('customers.name', 'ilike', pattern),
        eb('customers.short_name', 'ilike', pattern),
        eb('customers.code', 'ilike', pattern),
        eb('customers.phone', 'ilike', pattern),
        eb.exists(
          eb
            .selectFrom('contacts')
            .select(sql.lit(1).as('one'))
            .whereRef('contacts.customer_id', '=', 'customers.id')
            .where((inner) =>
              inner.or([inner('contacts.name', 'ilike', pattern), inner('contacts.phone', 'ilike', pattern)]),
            ),
        ),
      ]),
    );
  }
  if (filter.type?.length) q = q.where('customers.type', 'in', filter.type);
  if (filter.lifecycle?.length) q = q.where('customers.lifecycle_stage', 'in', filter.lifecycle);
  if (filter.ownerId?.length || filter.unowned === 'true') {
    q = q.where((eb) =>
      eb.or([
        ...(filter.ownerId?.length ? [eb('customers.owner_id', 'in', filter.ownerId)] : []),
        ...(filter.unowned === 'true' ? [eb('customers.owner_id', 'is', null)] : []),
      ]),
    );
  }
  if (filter.teamId?.length) q = q.where('customers.team_id', 'in', filter.teamId);
  if (filter.province?.length) q = q.where('customers.province', 'in', filter.province);
  if (filter.industry?.length) q = q.where('customers.industry', 'in', filter.industry);
  if (filter.nature?.length) q = q.where('customers.nature', 'in', filter.nature);
  if (filter.sizeBand?.length) q = q.where('customers.size_band', 'in', filter.sizeBand);
  if (filter.tag?.length) q = q.where(sql<boolean>`customers.tags && ${sql.val(filter.tag)}::text[]`);
  if (filter.source?.length) q = q.where('customers.source', 'in', filter.source);
  if (filter.referral?.length) q = q.where(referralCondition(actor, filter.referral));
  if (filter.createdFrom) q = q.where('customers.created_at', '>=', startOfBusinessDay(filter.createdFrom));
  if (filter.createdTo) q = q.where('customers.created_at', '<', startOfBusinessDay(filter.createdTo, 1));
  if (filter.gradeModelId !== undefined || filter.grade?.length) q = q.where(gradedAs(filter));
  return q;
}

/**
 * Either side of a referral, as asked: came by referral, or referred a customer the user may see (the referral
 * analysis counts no other, so a referrer the list shows always has someone on its referrals tab).
 */
function referralCondition(actor: Actor, sides: readonly ('referred' | 'referrer')[]) {
  return (eb: ExpressionBuilder<Database, 'customers'>) =>
    eb.or(
      sides.map((side) =>
        side === 'referred'
          ? eb('customers.referred_by_id', 'is not', null)
          : eb.exists(
              eb
                .selectFrom('customers as referred')
                .select(sql.lit(1).as('one'))
                .whereRef('referred.referred_by_id', '=', 'customers.id')
                .where(isVisibleCustomer(actor, 'referred')),
            ),
      ),
    );
}

/**
 * A model without grades means "graded in that model at all"; grades without a model mean "graded so in any
 * active model". Only active models count, as in the grades the list shows.
 */
function gradedAs({ gradeModelId, grade }: Pick<CustomerListFilter, 'gradeModelId' | 'grade'>) {
  return (eb: ExpressionBuilder<Database, 'customers'>) => {
    let graded = eb
      .selectFrom('customer_grades')
      .innerJoin('grading_models', 'grading_models.id', 'customer_grades.model_id')
      .select(sql.lit(1).as('one'))
      .whereRef('customer_grades.customer_id', '=', 'customers.id')
      .where('grading_models.active', '=', true);
    if (gradeModelId !== undefined) graded = graded.where('customer_grades.model_id', '=', gradeModelId);
    if (grade?.length) graded = graded.where('customer_grades.grade_code', 'in', grade);
    return eb.exists(graded);
  };
}

/**
 * The visible customers with a page's joins and columns, built once per database handle, data scope and column
 * set and then reused: builders are immutable, and building this part again for every request took up to a tenth
 * of the list API's CPU. A request adds only its filter, cursor, order and limit to it.
 */
const pageBases = new WeakMap<Db, Map<unknown, Map<string, unknown>>>();
const MOST_PAGE_BASES = 1_000;

function pageBase<Q>(db: Db, actor: Actor, columns: (customers: CustomerQuery) => Q): Q {
  let byColumns = pageBases.get(db);
  if (!byColumns) pageBases.set(db, (byColumns = new Map()));
  let bases = byColumns.get(columns);
  if (!bases) byColumns.set(columns, (bases = new Map()));
  const key = scopeKey(actor);
  let base = bases.get(key) as Q | undefined;
  if (base === undefined) {
    if (bases.size >= MOST_PAGE_BASES) bases.clear();
    base = columns(visibleCustomers(db, actor));
    bases.set(key, base);
  }
  return base;
}

/**
 * One page of the filtered customers in the list's order, keyset-paginated: `limit + 1` rows, the extra one only
 * telling whether another page follows. The record's columns or the table row's, as `columns` adds them.
 */
function page<O>(
  db: Db,
  actor: Actor,
  filter: CustomerListFilter,
  cursor: Cursor | undefined,
  columns: (customers: CustomerQuery) => SelectQueryBuilder<Database, 'customers' | 'customer_state', O>,
) {
  const sort = sortExpressions[filter.sort];
  const direction = filter.order === 'asc' ? sql`asc` : sql`desc`;
  // The filter adds conditions on the customers' own columns, which the joined base has as well.
  const base = pageBase(db, actor, columns);
  let query = (applyFilter(base as unknown as CustomerQuery, actor, filter) as unknown as typeof base)
    .modifyFront(preparedStatement)
    .select(sql<string>`(${sort.expression})::text`.as('sort_key'));
  if (cursor) {
    const comparison = filter.order === 'asc' ? sql`>` : sql`<`;
    query = query.where(
      sql<boolean>`(${sort.expression}, customers.id) ${comparison} (${cursor.key}::${sort.type}, ${cursor.id})`,
    );
  }
  return (
    query
      .orderBy(sql`${sort.expression} ${direction}`)
      .orderBy(sql`customers.id ${direction}`)
      // A literal, not a parameter (the schema bounds it to an integer of 1–500): a generic plan cannot see a
      // parameter's limit and costs the query as if it returned a tenth of the table, so PostgreSQL would plan
      // the prepared statement again on every call (≈ 1 ms, as much as running it).
      .limit(sql.lit(filter.limit + 1))
      .execute()
  );
}

export function listCustomerViews(db: Db, actor: Actor, filter: CustomerListFilter, cursor?: Cursor) {
  return page(db, actor, filter, cursor, withViewColumns);
}

export function listCustomerRows(db: Db, actor: Actor, filter: CustomerListFilter, cursor?: Cursor) {
  return page(db, actor, filter, cursor, withRowColumns);
}

export async function countCustomers(db: Db, actor: Actor, filter: CustomerFilter): Promise<number> {
  const row = await applyFilter(visibleCustomers(db, actor), actor, filter)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The ids of the visible customers a list filter selects: a segment elsewhere selects exactly as the list does. */
export function filteredCustomerIds(db: Db, actor: Actor, filter: CustomerFilter) {
  return applyFilter(visibleCustomers(db, actor), actor, filter).select('customers.id');
}

export function findCustomerView(db: Db, actor: Actor, id: number) {
  return customerViews(db, actor).where('customers.id', '=', id).executeTakeFirst();
}

/** The raw row, locked for the change about to be made to it. */
export function findCustomerForUpdate(db: Db, actor: Actor, id: number) {
  return visibleCustomers(db, actor)
    .selectAll('customers')
    .where('customers.id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** The raw rows of the visible customers among `ids`, locked for a bulk change. */
export function findCustomersForUpdate(db: Db, actor: Actor, ids: number[]) {
  return visibleCustomers(db, actor)
    .selectAll('customers')
    .where('customers.id', 'in', ids)
    .orderBy('customers.id')
    .forUpdate()
    .execute();
}

// `updated_at` is kept by the customers_touch_updated_at trigger (migration 014) on every update.
export function updateCustomers(db: Db, ids: number[], values: Updateable<CustomerTable>) {
  return db.updateTable('customers').set(values).where('id', 'in', ids).returningAll().execute();
}

export async function insertCustomer(db: Db, values: Insertable<CustomerTable>) {
  return db.insertInto('customers').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateCustomer(db: Db, id: number, values: Updateable<CustomerTable>) {
  return db
    .updateTable('customers')
    .set(values)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function softDeleteCustomer(db: Db, id: number) {
  return db
    .updateTable('customers')
    .set({ deleted_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function customerCodeTaken(db: Db, code: string, exceptId?: number): Promise<boolean> {
  let query = db.selectFrom('customers').select('id').where('code', '=', code);
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Live customers' ids by code, for commands that name customers as people do. */
export async function findCustomerIdsByCode(db: Db, codes: readonly string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await liveCustomers(db)
    .select(['id', 'code'])
    .where('code', 'in', [...codes])
    .execute();
  return new Map(rows.map((row) => [row.code, row.id]));
}
