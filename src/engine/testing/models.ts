import type { PopulationColumns } from '../columns.js';
import { parseModel, type Model, type ModelInput } from '../model/schema.js';

/** Test helpers: a ladder of plain codes and a population from plain arrays (ids 1…n unless given). */
export const ladder = (...codes: string[]) =>
  codes.map((code) => ({ code, name: { 'zh-CN': code, 'en-US': code }, color: '#000000' }));

export const model = (input: Omit<ModelInput, 'name'>): Model =>
  parseModel({ name: { 'zh-CN': '测试', 'en-US': 'test' }, ...input });

export function population(
  metrics: Record<string, readonly (number | string | null)[]>,
  ids?: readonly number[],
): PopulationColumns {
  const n = Object.values(metrics)[0]?.length ?? 0;
  const columns = Object.fromEntries(
    Object.entries(metrics).map(([m, values]) => [
      m,
      values.some((v) => typeof v === 'string')
        ? values
        : Float64Array.from(values, (v) => (v === null ? Number.NaN : Number(v))),
    ]),
  );
  return { ids: Int32Array.from(ids ?? Array.from({ length: n }, (_, i) => i + 1)), metrics: columns };
}
