import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely/migration';
import * as schema from './migrations/001_schema.js';
import * as customerState from './migrations/002_customer_state.js';
import * as dictionaries from './migrations/003_dictionaries.js';
import * as grading from './migrations/004_grading.js';
import * as gradingPresets from './migrations/005_grading_presets.js';
import * as imports from './migrations/007_imports.js';
import * as alertsWebhooks from './migrations/006_alerts_webhooks.js';
import * as opportunities from './migrations/008_opportunities.js';
import * as servicePolicies from './migrations/009_service_policies.js';
import * as worklistPool from './migrations/010_worklist_pool.js';
import * as messaging from './migrations/011_messaging.js';
import * as clvForecasts from './migrations/012_clv_forecasts.js';
import * as resultFigures from './migrations/013_result_figures.js';
import * as runSummaries from './migrations/014_run_summaries.js';
import * as figuresChangedAt from './migrations/015_figures_changed_at.js';
import * as singleContributionDelta from './migrations/016_single_contribution_delta.js';
import * as scopedSummaries from './migrations/017_scoped_summaries.js';
import * as snapshotVisibility from './migrations/018_snapshot_visibility.js';
import * as refreshQueueStatistics from './migrations/019_refresh_queue_statistics.js';
import * as currentGradesFillfactor from './migrations/020_current_grades_fillfactor.js';
import * as runReferencesByStatement from './migrations/021_run_references_by_statement.js';
import * as gradeChangesByRun from './migrations/022_grade_changes_by_run.js';
import * as auditLogBrowsing from './migrations/023_audit_log_browsing.js';
import * as receivables from './migrations/024_receivables.js';
import * as customerMerge from './migrations/025_customer_merge.js';
import * as customerMatchKeys from './migrations/026_customer_match_keys.js';
import * as salesTargets from './migrations/027_sales_targets.js';
import * as paymentParts from './migrations/028_payment_parts.js';
import * as listOrderIndexes from './migrations/029_list_order_indexes.js';
import * as referrals from './migrations/030_referrals.js';
import * as referralValuePreset from './migrations/031_referral_value_preset.js';

/** Migrations are compiled in, not discovered on disk, so the packaged CLI and the tests run the same list. */
const migrations: Record<string, Migration> = {
  '001_schema': schema,
  '002_customer_state': customerState,
  '003_dictionaries': dictionaries,
  '004_grading': grading,
  '005_grading_presets': gradingPresets,
  '007_imports': imports,
  '006_alerts_webhooks': alertsWebhooks,
  '008_opportunities': opportunities,
  '009_service_policies': servicePolicies,
  '010_worklist_pool': worklistPool,
  '011_messaging': messaging,
  '012_clv_forecasts': clvForecasts,
  '013_result_figures': resultFigures,
  '014_run_summaries': runSummaries,
  '015_figures_changed_at': figuresChangedAt,
  '016_single_contribution_delta': singleContributionDelta,
  '017_scoped_summaries': scopedSummaries,
  '018_snapshot_visibility': snapshotVisibility,
  '019_refresh_queue_statistics': refreshQueueStatistics,
  '020_current_grades_fillfactor': currentGradesFillfactor,
  '021_run_references_by_statement': runReferencesByStatement,
  '022_grade_changes_by_run': gradeChangesByRun,
  '023_audit_log_browsing': auditLogBrowsing,
  '024_receivables': receivables,
  '025_customer_merge': customerMerge,
  '026_customer_match_keys': customerMatchKeys,
  '027_sales_targets': salesTargets,
  '028_payment_parts': paymentParts,
  '029_list_order_indexes': listOrderIndexes,
  '030_referrals': referrals,
  '031_referral_value_preset': referralValuePreset,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export class MigrationError extends Error {}

/** The names of the migrations this version of Stratum knows, in order. */
export const migrationNames: readonly string[] = Object.keys(migrations).sort();

export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  return migrated(new Migrator({ db: db as unknown as Kysely<unknown>, provider }).migrateToLatest());
}

/** Migrates up to (and with) `name`; `db` may be a transaction, and the migrations then run in it. */
export async function migrateTo(db: Kysely<Database>, name: string): Promise<MigrationResultSet> {
  return migrated(new Migrator({ db: db as unknown as Kysely<unknown>, provider }).migrateTo(name));
}

async function migrated(running: Promise<MigrationResultSet>): Promise<MigrationResultSet> {
  const result = await running;
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`Migration ${failed} failed: ${String(result.error)}`, { cause: result.error });
  }
  return result;
}
