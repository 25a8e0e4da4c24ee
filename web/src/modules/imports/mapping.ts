import type { FieldMapping, ImportField, ImportMapping } from './api/imports.api';

/** Where a field's value comes from; the server takes a constant first, then a composed text, then a column. */
export type SourceKind = 'column' | 'constant' | 'template';

export function sourceKindOf(spec: FieldMapping | undefined): SourceKind | undefined {
  if (spec?.constant !== undefined) return 'constant';
  if (spec?.template !== undefined) return 'template';
  return spec?.column !== undefined ? 'column' : undefined;
}

/** A constant or composed text left empty gives the field nothing, as if it were not mapped. */
export function isMapped(spec: FieldMapping | undefined): boolean {
  const kind = sourceKindOf(spec);
  return kind !== undefined && (spec?.[kind] ?? '').trim() !== '';
}

/** A new source keeps the field's transforms: the user chose them for the field, not for the column. */
export function withSource(
  spec: FieldMapping | undefined,
  kind: SourceKind | undefined,
  value: string,
): FieldMapping | undefined {
  if (kind === undefined) return undefined;
  const { column: _column, constant: _constant, template: _template, ...transforms } = spec ?? {};
  return { ...transforms, [kind]: value };
}

export type Transforms = Pick<FieldMapping, 'values' | 'part' | 'multiply'>;

/** Transforms left empty are dropped, so that a mapping saved as a template holds only what does something. */
export function withTransforms(spec: FieldMapping, transforms: Transforms): FieldMapping {
  const { values: _values, part: _part, multiply: _multiply, ...source } = spec;
  return {
    ...source,
    ...(transforms.values && Object.keys(transforms.values).length ? { values: transforms.values } : {}),
    ...(transforms.part ? { part: transforms.part } : {}),
    ...(transforms.multiply !== undefined && transforms.multiply !== 1
      ? { multiply: transforms.multiply }
      : {}),
  };
}

const scalableTypes = new Set(['money', 'signed_money', 'quantity', 'price']);

/** The server multiplies amounts, quantities and prices (a column in 万元 × 10,000), and nothing else. */
export const canMultiply = (field: ImportField) => scalableTypes.has(field.type);

export const canTakePart = (field: ImportField) => field.type === 'date' || field.type === 'datetime';

export function setField(mapping: ImportMapping, key: string, spec: FieldMapping | undefined): ImportMapping {
  const next = { ...mapping };
  if (spec) next[key] = spec;
  else delete next[key];
  return next;
}
