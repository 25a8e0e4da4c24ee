import { AppError } from '../../server/errors.js';
import type { Db } from '../audit/audit.repository.js';
import { recordChange, refuseCustomerChange, requireVisibleCustomer } from '../audit/owned-records.js';
import type { Actor } from '../auth/actor.js';
import { decodeCursor, toPage, type Page } from '../shared/pagination.js';
import { isCustomerVisible } from '../shared/scope.js';
import { toOpportunityView } from './opportunity.mapper.js';
import {
  contactsOfCustomer,
  countOpportunities,
  deleteOpportunity,
  findOpportunityForUpdate,
  findOpportunityView,
  findStage,
  insertOpportunity,
  insertStageChange,
  listContactLinks,
  listOpportunityViews,
  listStageHistory,
  replaceContactLinks,
  updateOpportunity,
  findActiveUser,
} from './opportunity.repository.js';
import type {
  OpportunityCreateInput,
  OpportunityListFilter,
  OpportunityUpdateInput,
  OpportunityView,
} from './opportunity.schema.js';

export async function getOpportunity(db: Db, actor: Actor, id: number): Promise<OpportunityView> {
  const row = await findOpportunityView(db, actor, id);
  if (!row) throw AppError.notFound();
  return toOpportunityView(row, await listContactLinks(db, [id]));
}

export async function listOpportunities(
  db: Db,
  actor: Actor,
  filter: OpportunityListFilter,
): Promise<Page<OpportunityView>> {
  const [rows, total] = await Promise.all([
    listOpportunityViews(db, actor, filter, decodeCursor(filter.cursor)),
    countOpportunities(db, actor, filter),
  ]);
  const page = toPage(rows, filter.limit, total, (row) => row.sort_key);
  const links = await listContactLinks(
    db,
    page.items.map((row) => row.id),
  );
  return { ...page, items: page.items.map((row) => toOpportunityView(row, links)) };
}

export async function listCustomerOpportunities(
  db: Db,
  actor: Actor,
  customerId: number,
  filter: Omit<OpportunityListFilter, 'customerId'>,
) {
  if (!(await isCustomerVisible(db, actor, customerId))) throw AppError.notFound();
  return listOpportunities(db, actor, { ...filter, customerId });
}

export async function getStageHistory(db: Db, actor: Actor, id: number) {
  if (!(await findOpportunityView(db, actor, id))) throw AppError.notFound();
  return (await listStageHistory(db, id)).map((row) => ({
    fromStage: row.from_stage,
    toStage: row.to_stage,
    at: row.at.toISOString(),
    by: row.by,
    byName: row.by_name,
  }));
}

async function requireStage(db: Db, code: string) {
  const stage = await findStage(db, code);
  if (!stage) throw AppError.invalid('stage', 'unknown_code');
  return stage;
}

/** Like a customer's owner: a rep assigns only to themselves, a manager within their team, an admin anyone active. */
async function requireOwner(db: Db, actor: Actor, ownerId: number | null | undefined): Promise<void> {
  if (ownerId === undefined || ownerId === null || ownerId === actor.id) return;
  if (actor.role === 'rep') throw AppError.invalid('ownerId', 'not_in_team');
  const owner = await findActiveUser(db, ownerId);
  if (!owner) throw AppError.invalid('ownerId', 'unknown_reference');
  if (actor.role === 'manager' && owner.team_id !== actor.teamId)
    throw AppError.invalid('ownerId', 'not_in_team');
}

async function requireContactsOf(
  db: Db,
  customerId: number,
  contacts: readonly { contactId: number }[] | undefined,
): Promise<void> {
  if (!contacts) return;
  const known = await contactsOfCustomer(
    db,
    customerId,
    contacts.map((link) => link.contactId),
  );
  contacts.forEach((link, index) => {
    if (!known.has(link.contactId))
      throw AppError.invalid(`contacts.${index}.contactId`, 'unknown_reference');
  });
}

/** The audit keeps the buying centre with the opportunity, so history shows who was involved. */
const withContacts = async <T extends { id: number }>(db: Db, opportunity: T) => ({
  ...opportunity,
  contacts: (await listContactLinks(db, [opportunity.id])).map((link) => ({
    contactId: link.contact_id,
    role: link.role,
  })),
});

/** A lost opportunity must say why; any other stage carries no lost reason. */
function lostReasonFor(outcome: string, reason: string | null | undefined): string | null {
  if (outcome !== 'lost') return null;
  if (!reason) throw AppError.invalid('lostReason', 'required');
  return reason;
}

export async function createOpportunity(
  db: Db,
  actor: Actor,
  input: OpportunityCreateInput,
): Promise<OpportunityView> {
  await requireVisibleCustomer(db, actor, input.customerId);
  const stage = await requireStage(db, input.stage ?? 'lead');
  await requireOwner(db, actor, input.ownerId);
  await requireContactsOf(db, input.customerId, input.contacts);
  const created = await insertOpportunity(db, {
    customer_id: input.customerId,
    name: input.name,
    amount: input.amount,
    stage: stage.code,
    probability:
      input.probability === undefined || input.probability === null ? null : String(input.probability),
    expected_close_date: input.expectedCloseDate ?? null,
    owner_id: input.ownerId === undefined ? actor.id : input.ownerId,
    lost_reason: lostReasonFor(stage.outcome, input.lostReason),
    note: input.note ?? null,
    closed_at: stage.outcome === 'open' ? null : new Date(),
  });
  await replaceContactLinks(db, created.id, input.contacts ?? []);
  await insertStageChange(db, {
    opportunityId: created.id,
    customerId: created.customer_id,
    from: null,
    to: stage.code,
    by: actor.id,
  });
  await recordChange(db, actor, 'opportunity', { action: 'create', after: await withContacts(db, created) });
  return getOpportunity(db, actor, created.id);
}

export async function updateOpportunityById(
  db: Db,
  actor: Actor,
  id: number,
  input: OpportunityUpdateInput,
): Promise<OpportunityView> {
  const current = await findOpportunityForUpdate(db, actor, id);
  if (!current) throw AppError.notFound();
  refuseCustomerChange(input.customerId, current.customer_id);
  const stage = await requireStage(db, input.stage ?? current.stage);
  await requireOwner(db, actor, input.ownerId);
  await requireContactsOf(db, current.customer_id, input.contacts);
  const stageChanged = stage.code !== current.stage;
  const before = await withContacts(db, current);
  const updated = await updateOpportunity(db, id, {
    name: input.name,
    amount: input.amount,
    stage: stage.code,
    probability:
      input.probability === undefined
        ? undefined
        : input.probability === null
          ? null
          : String(input.probability),
    expected_close_date: input.expectedCloseDate,
    owner_id: input.ownerId,
    lost_reason: lostReasonFor(
      stage.outcome,
      input.lostReason === undefined ? current.lost_reason : input.lostReason,
    ),
    note: input.note,
    closed_at: stage.outcome === 'open' ? null : stageChanged ? new Date() : current.closed_at,
  });
  if (input.contacts) await replaceContactLinks(db, id, input.contacts);
  if (stageChanged) {
    await insertStageChange(db, {
      opportunityId: id,
      customerId: current.customer_id,
      from: current.stage,
      to: stage.code,
      by: actor.id,
    });
  }
  await recordChange(db, actor, 'opportunity', {
    action: 'update',
    before,
    after: await withContacts(db, updated),
  });
  return getOpportunity(db, actor, id);
}

export async function deleteOpportunityById(db: Db, actor: Actor, id: number): Promise<void> {
  const current = await findOpportunityForUpdate(db, actor, id);
  if (!current) throw AppError.notFound();
  const before = await withContacts(db, current);
  await deleteOpportunity(db, id);
  await recordChange(db, actor, 'opportunity', { action: 'delete', before });
}
