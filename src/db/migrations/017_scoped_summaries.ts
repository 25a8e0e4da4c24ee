import { sql, type Kysely } from 'kysely';
import { FIGURE_COLUMNS, STAMP_START_TIME, touchFunctionStatement } from './015_figures_changed_at.js';

/**
 * The dashboard's unfiltered summary is kept for every scope, not only the admin's whole company (migration 014):
 * at a million customers a manager's took 3.8 s and a rep's 2 s on every visit. Rows are filed under the scope
 * they count (`scopeKey` in src/modules/shared/scope.ts), and a customer moving between scopes (owner or team)
 * now marks the customer's figures as changed, as its lifecycle stage and composition attributes already did.
 */
/** What a kept summary reads of a customer once summaries are kept per scope: its figures, owner and team. */
export const SCOPED_FIGURE_COLUMNS = [...FIGURE_COLUMNS, 'owner_id', 'team_id'];

const statements = [
  `ALTER TABLE run_summaries ADD COLUMN scope text NOT NULL DEFAULT 'all'`,
  `ALTER TABLE run_summaries ALTER COLUMN scope DROP DEFAULT`,
  `ALTER TABLE run_summaries DROP CONSTRAINT run_summaries_pkey`,
  `ALTER TABLE run_summaries ADD PRIMARY KEY (run_id, scope)`,
  touchFunctionStatement(SCOPED_FIGURE_COLUMNS, STAMP_START_TIME),
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
