import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { errorMessages, fieldMessages, type ErrorCode, type FieldReason, type Locale } from './messages.js';

export interface FieldProblem {
  /** Dotted path of the field in the request, e.g. `contacts.0.email`. */
  readonly path: string;
  readonly reason: FieldReason;
}

const statusByCode: Record<ErrorCode, ContentfulStatusCode> = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TOO_MANY_ATTEMPTS: 429,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  DUPLICATE: 409,
  CONFLICT: 409,
  INTERNAL: 500,
};

/** The one error type of the application; the HTTP handler and the CLI each render it. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fields: readonly FieldProblem[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(
      fields.length
        ? `${errorMessages[code]['en-US']}: ${fields.map((f) => `${f.path} ${fieldMessages[f.reason]['en-US']}`).join('; ')}`
        : errorMessages[code]['en-US'],
    );
    this.name = 'AppError';
  }

  get status(): ContentfulStatusCode {
    return statusByCode[this.code];
  }

  static invalid(path: string, reason: FieldReason): AppError {
    return new AppError('VALIDATION_FAILED', [{ path, reason }]);
  }

  static notFound(): AppError {
    return new AppError('NOT_FOUND');
  }

  static duplicate(path: string): AppError {
    return new AppError('DUPLICATE', [{ path, reason: 'duplicate' }]);
  }

  static forbidden(): AppError {
    return new AppError('FORBIDDEN');
  }
}

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    fields: { path: string; reason: FieldReason; message: string }[];
  };
}

export function renderError(error: AppError, locale: Locale): ErrorBody {
  return {
    error: {
      code: error.code,
      message: errorMessages[error.code][locale],
      fields: error.fields.map((f) => ({
        path: f.path,
        reason: f.reason,
        message: `${f.path} ${fieldMessages[f.reason][locale]}`,
      })),
    },
  };
}
