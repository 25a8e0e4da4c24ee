import type { FormInstance } from 'antd';
import { ApiError, type FieldProblem } from './client';

/** Dotted API paths (`lines.0.amount`) become antd name paths (['lines', 0, 'amount']). */
export function toNamePath(path: string): (string | number)[] {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

// The server prefixes each message with the field path; beside the field itself the path is noise.
function withoutPath(field: FieldProblem): string {
  return field.message.startsWith(`${field.path} `)
    ? field.message.slice(field.path.length + 1)
    : field.message;
}

/**
 * Puts the server's field problems next to the fields of the form. Returns the problems that name no field of
 * the form, so the caller can show them (and the overall message) elsewhere.
 */
export function applyServerErrors(
  form: FormInstance,
  error: unknown,
  fieldNames: readonly string[],
): string[] {
  if (!(error instanceof ApiError)) return [error instanceof Error ? error.message : String(error)];
  const known = error.fields.filter((field) => fieldNames.includes(toNamePath(field.path)[0] as string));
  form.setFields(known.map((field) => ({ name: toNamePath(field.path), errors: [withoutPath(field)] })));
  const unknown = error.fields.filter((field) => !known.includes(field)).map((field) => field.message);
  return known.length && !unknown.length ? [] : [error.message, ...unknown];
}
