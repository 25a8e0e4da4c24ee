import { ApiError } from './client';

/** What to tell the user about a failed request: each refused field's reason when the server named them. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError && error.fields.length > 0)
    return error.fields.map((f) => f.message).join('; ');
  return error instanceof Error ? error.message : String(error);
}
