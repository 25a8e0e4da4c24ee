import type { Db } from '../audit/audit.repository.js';
import type { PolicyRuleColumns, PolicyTables, ServicePolicyTable } from './policy.tables.js';
import type { Updateable } from 'kysely';

export const tables = (db: Db) => db.withTables<PolicyTables>();

const summaryColumns = [
  'p.id',
  'p.name_zh',
  'p.name_en',
  'p.model_id',
  'p.priority',
  'p.active',
  'p.current_version_id',
  'p.updated_at',
  'm.name_zh as model_name_zh',
  'm.name_en as model_name_en',
  'v.version as current_version',
] as const;

function summaries(db: Db) {
  return tables(db)
    .selectFrom('service_policies as p')
    .innerJoin('grading_models as m', 'm.id', 'p.model_id')
    .leftJoin('service_policy_versions as v', 'v.id', 'p.current_version_id')
    .select(summaryColumns);
}

export function listPolicies(db: Db) {
  return summaries(db).orderBy('p.active', 'desc').orderBy('p.priority').orderBy('p.id').execute();
}

export function findPolicy(db: Db, id: number) {
  return summaries(db).where('p.id', '=', id).executeTakeFirst();
}

export function findPolicyForUpdate(db: Db, id: number) {
  return tables(db)
    .selectFrom('service_policies')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function listRules(db: Db, versionId: number): Promise<PolicyRuleColumns[]> {
  return tables(db)
    .selectFrom('service_policy_rules')
    .select([
      'grade_code',
      'manager_mode',
      'max_customers_per_manager',
      'required_level',
      'contact_cadence_days',
      'visit_cadence_days',
      'credit_limit',
      'payment_terms_days',
      'discount_ceiling',
      'delivery_priority',
      'response_hours',
      'pool_recall_days',
    ])
    .where('version_id', '=', versionId)
    .orderBy('grade_code')
    .execute();
}

export function listVersions(db: Db, policyId: number) {
  return tables(db)
    .selectFrom('service_policy_versions as v')
    .leftJoin('users as u', 'u.id', 'v.created_by')
    .select(['v.id', 'v.version', 'v.note', 'v.created_at', 'u.name as created_by_name'])
    .where('v.policy_id', '=', policyId)
    .orderBy('v.version', 'desc')
    .execute();
}

export function insertPolicy(
  db: Db,
  values: { nameZh: string; nameEn: string; modelId: number; priority: number; active: boolean },
) {
  return tables(db)
    .insertInto('service_policies')
    .values({
      name_zh: values.nameZh,
      name_en: values.nameEn,
      model_id: values.modelId,
      priority: values.priority,
      active: values.active,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Writes the next version with its full rule set and makes it current; returns the version number. */
export async function insertVersion(
  db: Db,
  policyId: number,
  input: { rules: readonly PolicyRuleColumns[]; note: string | null; createdBy: number },
): Promise<number> {
  const last = await tables(db)
    .selectFrom('service_policy_versions')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('policy_id', '=', policyId)
    .executeTakeFirst();
  const version = (last?.version ?? 0) + 1;
  const { id } = await tables(db)
    .insertInto('service_policy_versions')
    .values({ policy_id: policyId, version, note: input.note, created_by: input.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tables(db)
    .insertInto('service_policy_rules')
    .values(input.rules.map((rule) => ({ ...rule, version_id: id })))
    .execute();
  await updatePolicy(db, policyId, { current_version_id: id });
  return version;
}

export function updatePolicy(db: Db, id: number, values: Updateable<ServicePolicyTable>) {
  return tables(db)
    .updateTable('service_policies')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
