import { AppError } from './errors.js';

/** Unique constraints and the request field each one guards. */
const uniqueFields: Record<string, string> = {
  customers_code_key: 'code',
  orders_order_no_key: 'orderNo',
  users_login_key: 'login',
  teams_name_key: 'name',
  customer_relationships_customer_id_related_customer_id_kind_key: 'relatedCustomerId',
};

interface PostgresError {
  code?: string;
  constraint?: string;
  column?: string;
}

/**
 * Translates the database's integrity errors into the application's. Services validate first; this is the net for
 * races (two requests creating the same code at once) so that they still get a 409, never a 500.
 */
export function translateDatabaseError(error: unknown): AppError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, constraint, column } = error as PostgresError;
  if (code === '23505') return AppError.duplicate(uniqueFields[constraint ?? ''] ?? constraint ?? 'id');
  if (code === '23503') return AppError.invalid(column ?? constraint ?? 'id', 'unknown_reference');
  if (code === '23514' || code === '22003' || code === '22001')
    return AppError.invalid(column ?? constraint ?? '(body)', 'invalid');
  if (code === '40P01' || code === '40001') return new AppError('CONFLICT');
  return undefined;
}
