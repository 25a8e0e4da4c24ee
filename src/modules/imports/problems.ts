import { fieldMessages, type Bilingual, type FieldReason } from '../../server/messages.js';

export interface Problem {
  readonly file: string;
  readonly row: number;
  /** The column's header in the file, or the field's name when the value came from a constant or template. */
  readonly column: string;
  readonly field: string;
  readonly value: string;
  readonly reason: string;
  readonly message: Bilingual;
}

export function describeReason(reason: string): Bilingual {
  const known = (fieldMessages as Record<string, Bilingual>)[reason];
  return known ?? { 'zh-CN': reason, 'en-US': reason };
}

export function isFieldReason(reason: string): reason is FieldReason {
  return Object.hasOwn(fieldMessages, reason);
}

/** Problems kept in memory for the report; beyond this only their number grows. */
export const PROBLEM_LIMIT = 100_000;
