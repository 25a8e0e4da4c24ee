import { AppError } from '../../server/errors.js';
import { recordAudit, type Db } from '../audit/audit.repository.js';
import { authorId, isAdmin, type Actor } from '../auth/actor.js';
import { lockSettings, readSettings, updateSettings, type SettingsRow } from './settings.repository.js';
import type { WorklistSettingsInput, WorklistSettingsView } from './worklist.schema.js';

export const toSettingsView = (row: SettingsRow): WorklistSettingsView => ({
  birthdayLeadDays: row.birthday_lead_days,
  holidayLeadDays: row.holiday_lead_days,
  repurchaseLeadDays: row.repurchase_lead_days,
  downgradeDays: row.downgrade_days,
  escalationDays: row.escalation_days,
  greetingMaxRatio: row.greeting_max_ratio,
  poolWarningDays: row.pool_warning_days,
  maxClaimsPerDay: row.max_claims_per_day,
  reclaimBlockDays: row.reclaim_block_days,
  maxOwned: row.max_owned,
});

export async function getSettings(db: Db): Promise<WorklistSettingsView> {
  return toSettingsView(await readSettings(db));
}

export async function changeSettings(
  db: Db,
  actor: Actor,
  input: WorklistSettingsInput,
): Promise<WorklistSettingsView> {
  if (!isAdmin(actor)) throw AppError.forbidden();
  const before = await lockSettings(db);
  const after = await updateSettings(db, {
    birthday_lead_days: input.birthdayLeadDays,
    holiday_lead_days: input.holidayLeadDays,
    repurchase_lead_days: input.repurchaseLeadDays,
    downgrade_days: input.downgradeDays,
    escalation_days: input.escalationDays,
    greeting_max_ratio: input.greetingMaxRatio,
    pool_warning_days: input.poolWarningDays,
    max_claims_per_day: input.maxClaimsPerDay,
    reclaim_block_days: input.reclaimBlockDays,
    max_owned: input.maxOwned,
    updated_by: authorId(actor),
  });
  await recordAudit(db, {
    actorId: authorId(actor),
    entity: 'worklist_settings',
    entityId: 1,
    action: 'update',
    before: toSettingsView(before),
    after: toSettingsView(after),
  });
  return toSettingsView(after);
}
