import type { Insertable } from 'kysely';
import type { CustomerTable } from '../../../db/database.js';
import type { Db } from '../../audit/audit.repository.js';

/** The id of a shipped grading model, by key ('composite', 'abc', …). */
export async function modelIdOf(db: Db, key: string): Promise<number> {
  return (await db.selectFrom('grading_models').select('id').where('key', '=', key).executeTakeFirstOrThrow())
    .id;
}

/**
 * A customer with a current grade of the model, as a grading run would leave it, so the model's policy governs
 * it; `grade: null` leaves it ungraded.
 */
export async function insertGradedCustomer(
  db: Db,
  modelId: number,
  grade: string | null,
  values: Insertable<CustomerTable>,
): Promise<number> {
  const { id } = await db.insertInto('customers').values(values).returning('id').executeTakeFirstOrThrow();
  if (grade !== null)
    await db
      .insertInto('customer_grades')
      .values({ model_id: modelId, customer_id: id, grade: 0, grade_code: grade, status: 0, cause: 'run' })
      .execute();
  return id;
}
