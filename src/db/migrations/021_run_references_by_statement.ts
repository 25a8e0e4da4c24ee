import { sql, type Kysely } from 'kysely';

/**
 * A run's results, grade changes and current grades name their run (`run_id`). As foreign keys, PostgreSQL checked
 * that reference once per row: at a million customers 2.2 s of the results' 3.4 s insert, and as much again for the
 * current grades, whose run changes on every run; on PGlite at 100,000 customers a quarter of a run's write. The
 * same rules now hold per statement, over the rows the statement wrote (transition tables):
 *
 * - a result, change or current grade may only name a run that exists (error 23503, as a foreign key raises);
 * - deleting runs deletes their results and clears the run of their changes and current grades, as the foreign
 *   keys' ON DELETE CASCADE and SET NULL did.
 *
 * What is given up is the foreign key's lock on the run while its rows are written: a run deleted by another
 * transaction during that time could leave rows naming it. Nothing deletes runs but the deletion of their model.
 */
const referencing = ['grading_results', 'grade_changes', 'customer_grades'];

const statements = [
  `CREATE FUNCTION check_run_references() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE
     missing integer;
   BEGIN
     SELECT w.run_id INTO missing
     FROM (SELECT DISTINCT run_id FROM written WHERE run_id IS NOT NULL) w
     WHERE NOT EXISTS (SELECT 1 FROM grading_runs r WHERE r.id = w.run_id)
     LIMIT 1;
     IF FOUND THEN
       RAISE foreign_key_violation USING
         MESSAGE = format('run %s of table %s does not exist', missing, TG_TABLE_NAME),
         TABLE = TG_TABLE_NAME, COLUMN = 'run_id', CONSTRAINT = TG_TABLE_NAME || '_run_id_check';
     END IF;
     RETURN NULL;
   END $$`,
  // A trigger with a transition table serves one event: inserts and updates are checked by one trigger each.
  ...referencing.flatMap((table) => [
    `ALTER TABLE ${table} DROP CONSTRAINT ${table}_run_id_fkey`,
    ...['INSERT', 'UPDATE'].map(
      (event) =>
        `CREATE TRIGGER ${table}_run_check_${event.toLowerCase()} AFTER ${event} ON ${table}
         REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION check_run_references()`,
    ),
  ]),
  `CREATE FUNCTION release_deleted_runs() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     DELETE FROM grading_results WHERE run_id IN (SELECT id FROM removed);
     UPDATE grade_changes SET run_id = NULL WHERE run_id IN (SELECT id FROM removed);
     UPDATE customer_grades SET run_id = NULL WHERE run_id IN (SELECT id FROM removed);
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER grading_runs_release AFTER DELETE ON grading_runs
   REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION release_deleted_runs()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
