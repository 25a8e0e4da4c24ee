import { z } from 'zod';
import { AppError, type FieldProblem } from './errors.js';
import type { FieldReason } from './messages.js';

type Issue = z.core.$ZodIssue;

/**
 * zod 4 keeps an issue's input out of the issue unless asked; its error map still sees it. Marking a missing value
 * here is what lets a missing field be reported as "required" rather than as "wrong type".
 */
const MISSING = 'required';
z.config({
  customError: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? MISSING : undefined),
});

function reasonOf(issue: Issue): FieldReason {
  switch (issue.code) {
    case 'invalid_type':
      return issue.message === MISSING ? 'required' : 'invalid_type';
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array' ? 'too_long' : 'too_big';
    case 'too_small':
      if (issue.origin === 'number' && Number(issue.minimum) === 0) return 'negative';
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'required';
      return issue.origin === 'string' || issue.origin === 'array' ? 'too_short' : 'too_small';
    case 'invalid_value':
    case 'invalid_union':
      return 'invalid_value';
    case 'invalid_format':
      return 'invalid_format';
    case 'unrecognized_keys':
      return 'unrecognized_keys';
    case 'custom': {
      const reason = (issue.params as { reason?: FieldReason } | undefined)?.reason;
      return reason ?? 'invalid';
    }
    default:
      return 'invalid';
  }
}

export function problemsOf(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return { path: [path, ...issue.keys].filter(Boolean).join('.'), reason: 'unrecognized_keys' };
    }
    return { path: path || '(body)', reason: reasonOf(issue) };
  });
}

export function validationError(error: z.ZodError): AppError {
  return new AppError('VALIDATION_FAILED', problemsOf(error));
}

/** Parses with a schema and throws the application's validation error (never a raw ZodError). */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error);
  return result.data;
}
