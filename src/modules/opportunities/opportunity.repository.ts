import { sql, type ExpressionBuilder, type Insertable, type Updateable } from 'kysely';
import type { Database, OpportunityTable, OpportunityTables } from '../../db/database.js';
import type { Db } from '../audit/audit.repository.js';
import { countRows, keysetPage, requestedOrder, type SortKey } from '../audit/owned-records.js';
import type { Actor } from '../auth/actor.js';
import { startOfBusinessDay } from '../shared/business-day-sql.js';
import type { Cursor } from '../shared/pagination.js';
import { isVisibleCustomer, visibleCustomerIds } from '../shared/scope.js';
import type { FunnelFilter, OpportunityListFilter } from './opportunity.schema.js';

export const tables = (db: Db) => db.withTables<OpportunityTables>();

/** amount × probability / 100, computed by the database in numeric, rounded to cents. */
export const effectiveProbability = sql<string>`coalesce(opportunities.probability, opportunity_stages.probability)`;
export const weightedAmount = sql<string>`round(opportunities.amount * ${effectiveProbability} / 100, 2)`;

/**
 * The funnel's filters as one condition, for the funnel's figures and the opportunity list alike: the owner, the
 * customer's team, and the business days (Asia/Shanghai) the opportunity was created in.
 */
export function matchesFunnelFilter(filter: FunnelFilter) {
  return (eb: ExpressionBuilder<Database & OpportunityTables, 'opportunities' | 'customers'>) => {
    const conditions = [];
    if (filter.ownerId !== undefined) conditions.push(eb('opportunities.owner_id', '=', filter.ownerId));
    if (filter.teamId !== undefined) conditions.push(eb('customers.team_id', '=', filter.teamId));
    if (filter.from) conditions.push(eb('opportunities.created_at', '>=', startOfBusinessDay(filter.from)));
    if (filter.to) conditions.push(eb('opportunities.created_at', '<', startOfBusinessDay(filter.to, 1)));
    return eb.and(conditions);
  };
}

function opportunityViews(db: Db, actor: Actor) {
  return tables(db)
    .selectFrom('opportunities')
    .innerJoin('customers', 'customers.id', 'opportunities.customer_id')
    .innerJoin('opportunity_stages', 'opportunity_stages.code', 'opportunities.stage')
    .leftJoin('users as owner', 'owner.id', 'opportunities.owner_id')
    .where(isVisibleCustomer(actor))
    .selectAll('opportunities')
    .select([
      'owner.name as owner_name',
      'customers.name as customer_name',
      'customers.code as customer_code',
      'opportunity_stages.name_zh as stage_name_zh',
      'opportunity_stages.name_en as stage_name_en',
      effectiveProbability.as('effective_probability'),
      weightedAmount.as('weighted_amount'),
    ]);
}

export type OpportunityViewRow = Awaited<
  ReturnType<ReturnType<typeof opportunityViews>['executeTakeFirstOrThrow']>
>;

function applyFilter(query: ReturnType<typeof opportunityViews>, filter: OpportunityListFilter) {
  let q = query.where(matchesFunnelFilter(filter));
  if (filter.customerId !== undefined) q = q.where('opportunities.customer_id', '=', filter.customerId);
  if (filter.stage) q = q.where('opportunities.stage', '=', filter.stage);
  if (filter.open === 'true') q = q.where('opportunities.closed_at', 'is', null);
  if (filter.open === 'false') q = q.where('opportunities.closed_at', 'is not', null);
  return q;
}

const sortKeys: Record<OpportunityListFilter['sort'], SortKey> = {
  createdAt: { key: sql`opportunities.created_at`, type: sql`timestamptz` },
  amount: { key: sql`opportunities.amount`, type: sql`numeric` },
  weightedAmount: { key: weightedAmount, type: sql`numeric` },
  expectedCloseDate: { key: sql`opportunities.expected_close_date`, type: sql`date`, nullsLast: true },
};

export function listOpportunityViews(db: Db, actor: Actor, filter: OpportunityListFilter, cursor?: Cursor) {
  return keysetPage(
    applyFilter(opportunityViews(db, actor), filter),
    requestedOrder(sortKeys, filter, sql`opportunities.id`),
    cursor,
    filter.limit,
  ).execute();
}

export function countOpportunities(db: Db, actor: Actor, filter: OpportunityListFilter): Promise<number> {
  return countRows(applyFilter(opportunityViews(db, actor), filter));
}

export function findOpportunityView(db: Db, actor: Actor, id: number) {
  return opportunityViews(db, actor).where('opportunities.id', '=', id).executeTakeFirst();
}

export function findOpportunityForUpdate(db: Db, actor: Actor, id: number) {
  return tables(db)
    .selectFrom('opportunities')
    .selectAll()
    .where('id', '=', id)
    .where('customer_id', 'in', visibleCustomerIds(db, actor))
    .forUpdate()
    .executeTakeFirst();
}

export function findStage(db: Db, code: string) {
  return tables(db).selectFrom('opportunity_stages').selectAll().where('code', '=', code).executeTakeFirst();
}

export function listStages(db: Db) {
  return tables(db).selectFrom('opportunity_stages').selectAll().orderBy('sort').orderBy('code').execute();
}

export type StageRow = Awaited<ReturnType<typeof listStages>>[number];

export function updateStage(
  db: Db,
  code: string,
  values: Updateable<OpportunityTables['opportunity_stages']>,
) {
  return tables(db)
    .updateTable('opportunity_stages')
    .set(values)
    .where('code', '=', code)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function insertOpportunity(db: Db, values: Insertable<OpportunityTable>) {
  return tables(db).insertInto('opportunities').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateOpportunity(db: Db, id: number, values: Updateable<OpportunityTable>) {
  return tables(db)
    .updateTable('opportunities')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteOpportunity(db: Db, id: number): Promise<void> {
  await tables(db).deleteFrom('opportunities').where('id', '=', id).execute();
}

export function listContactLinks(db: Db, opportunityIds: readonly number[]) {
  if (opportunityIds.length === 0) return Promise.resolve([]);
  return tables(db)
    .selectFrom('opportunity_contacts')
    .innerJoin('contacts', 'contacts.id', 'opportunity_contacts.contact_id')
    .select([
      'opportunity_contacts.opportunity_id',
      'opportunity_contacts.contact_id',
      'opportunity_contacts.role',
      'contacts.name',
    ])
    .where('opportunity_contacts.opportunity_id', 'in', opportunityIds)
    .orderBy('opportunity_contacts.opportunity_id')
    .orderBy('opportunity_contacts.contact_id')
    .execute();
}

export type ContactLinkRow = Awaited<ReturnType<typeof listContactLinks>>[number];

/** The ids among `contactIds` that are contacts of the customer (a buying role belongs to the customer's people). */
export async function contactsOfCustomer(
  db: Db,
  customerId: number,
  contactIds: readonly number[],
): Promise<Set<number>> {
  if (contactIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('contacts')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('id', 'in', contactIds)
    .execute();
  return new Set(rows.map((row) => row.id));
}

/** Links are replaced as a whole: the buying centre is edited together, like a form. */
export async function replaceContactLinks(
  db: Db,
  opportunityId: number,
  links: readonly { contactId: number; role: string }[],
): Promise<void> {
  await tables(db).deleteFrom('opportunity_contacts').where('opportunity_id', '=', opportunityId).execute();
  if (links.length === 0) return;
  await tables(db)
    .insertInto('opportunity_contacts')
    .values(
      links.map((link) => ({ opportunity_id: opportunityId, contact_id: link.contactId, role: link.role })),
    )
    .execute();
}

export async function insertStageChange(
  db: Db,
  change: { opportunityId: number; customerId: number; from: string | null; to: string; by: number },
): Promise<void> {
  await tables(db)
    .insertInto('opportunity_stage_history')
    .values({
      opportunity_id: change.opportunityId,
      customer_id: change.customerId,
      from_stage: change.from,
      to_stage: change.to,
      by: change.by,
    })
    .execute();
}

/** Oldest first, with the name of who moved it (a deleted or unknown user leaves it null). */
export function listStageHistory(db: Db, opportunityId: number) {
  return tables(db)
    .selectFrom('opportunity_stage_history')
    .leftJoin('users', 'users.id', 'opportunity_stage_history.by')
    .select([
      'opportunity_stage_history.from_stage',
      'opportunity_stage_history.to_stage',
      'opportunity_stage_history.at',
      'opportunity_stage_history.by',
      'users.name as by_name',
    ])
    .where('opportunity_stage_history.opportunity_id', '=', opportunityId)
    .orderBy('opportunity_stage_history.at')
    .orderBy('opportunity_stage_history.id')
    .execute();
}

export function findActiveUser(db: Db, userId: number) {
  return db
    .selectFrom('users')
    .select(['id', 'team_id'])
    .where('id', '=', userId)
    .where('active', '=', true)
    .executeTakeFirst();
}
