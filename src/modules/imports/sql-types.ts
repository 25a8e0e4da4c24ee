import type { FieldSpec, FieldType } from './fields.js';

const casts: Readonly<Record<FieldType, string>> = {
  text: 'text',
  code: 'text',
  enum: 'text',
  dictionary: 'text',
  integer: 'integer',
  user: 'integer',
  money: 'numeric',
  signed_money: 'numeric',
  quantity: 'numeric',
  price: 'numeric',
  ratio: 'numeric',
  date: 'date',
  boolean: 'boolean',
  datetime: 'timestamptz',
};

/** A staged (text) field as its typed SQL value; a date-time without a zone is business time in Beijing. */
export function typed(spec: FieldSpec, alias = 's'): string {
  const column = `${alias}.${quote(spec.key)}`;
  if (spec.type === 'datetime') return `(${column} || '+08')::timestamptz`;
  return `${column}::${casts[spec.type]}`;
}

export function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}
