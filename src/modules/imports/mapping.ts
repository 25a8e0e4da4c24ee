import { fieldsOf, headerKey, type ImportEntity } from './fields.js';
import { unguardFormula } from '../exports/formula-guard.js';

/**
 * Where a field's value comes from: a column (by header text, or '#n' for the n-th column, 1-based), a constant, or a
 * template with {row} and {header} placeholders; then simple transforms: a value map, the date or time part of a
 * date-time cell, a multiplier for numbers.
 */
export interface FieldMapping {
  readonly column?: string;
  readonly constant?: string;
  readonly template?: string;
  readonly values?: Readonly<Record<string, string>>;
  readonly part?: 'date' | 'time';
  readonly multiply?: number;
}

export type Mapping = Readonly<Record<string, FieldMapping>>;

/** Each field takes the first header that names it (exact alias first, then an alias contained in the header). */
export function autoMap(entity: ImportEntity, headers: readonly string[]): Mapping {
  const keys = headers.map(headerKey);
  const taken = new Set<number>();
  const mapping: Record<string, FieldMapping> = {};
  const fields = fieldsOf(entity);
  for (const pass of ['exact', 'contains'] as const) {
    for (const field of fields) {
      if (mapping[field.key]) continue;
      const aliases = field.aliases.map(headerKey).filter((alias) => alias.length > 0);
      const index = keys.findIndex(
        (key, i) =>
          !taken.has(i) &&
          key !== '' &&
          aliases.some((alias) =>
            pass === 'exact' ? key === alias : alias.length >= 2 && key.includes(alias),
          ),
      );
      if (index >= 0) {
        taken.add(index);
        mapping[field.key] = { column: headers[index] as string };
      }
    }
  }
  return mapping;
}

export interface CompiledField {
  readonly key: string;
  readonly column: number | undefined;
  /** The cell's raw text after constants, templates and value maps. */
  read(cells: readonly string[], rowNumber: number): string;
}

export class MappingError extends Error {
  constructor(
    readonly field: string,
    readonly column: string,
  ) {
    super(`mapping of ${field}: no column ${column}`);
  }
}

export function compileMapping(mapping: Mapping, headers: readonly string[]): CompiledField[] {
  const indexOf = (column: string): number => {
    const numbered = /^#(\d+)$/.exec(column);
    if (numbered) return Number(numbered[1]) - 1;
    const exact = headers.indexOf(column);
    if (exact >= 0) return exact;
    const loose = headers.map(headerKey).indexOf(headerKey(column));
    return loose;
  };
  return Object.entries(mapping).map(([key, spec]) => {
    const column = spec.column === undefined ? undefined : indexOf(spec.column);
    if (column !== undefined && column < 0) throw new MappingError(key, spec.column as string);
    const placeholders = spec.template
      ? [...spec.template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string)
      : [];
    const placeholderColumns = new Map(
      placeholders.filter((name) => name !== 'row').map((name) => [name, indexOf(name)]),
    );
    for (const [name, index] of placeholderColumns) if (index < 0) throw new MappingError(key, name);
    return {
      key,
      column,
      read(cells, rowNumber) {
        let text: string;
        if (spec.constant !== undefined) text = spec.constant;
        else if (spec.template !== undefined) {
          text = spec.template.replace(/\{([^}]+)\}/g, (_, name: string) =>
            name === 'row' ? String(rowNumber) : (cells[placeholderColumns.get(name) as number] ?? '').trim(),
          );
        } else text = column === undefined ? '' : (cells[column] ?? '');
        text = unguardFormula(text.trim());
        if (spec.values && Object.hasOwn(spec.values, text)) text = spec.values[text] as string;
        if (spec.part) {
          const [date = '', ...time] = text.split(/[ T]+/);
          text = spec.part === 'date' ? date : time.join(' ');
        }
        return text;
      },
    };
  });
}
