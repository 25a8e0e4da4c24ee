import { describe, expect, it } from 'vitest';
import { lazyColumns, rowView, type PopulationColumns } from './columns.js';

describe("a customer's row view", () => {
  it('reads each metric as the column holds it: numbers, NULL as NaN, categories by their code', () => {
    const columns: PopulationColumns = {
      ids: Int32Array.of(7, 9),
      metrics: {
        sales_window: Float64Array.of(1200.5, Number.NaN),
        industry: { codes: Int32Array.of(1, -1), dictionary: ['制造业', '零售'] },
      },
    };
    const first = rowView(columns, 0);
    const second = rowView(columns, 1);
    expect(first.sales_window).toBe(1200.5);
    expect(first.industry).toBe('零售');
    expect(second.sales_window).toBeNaN();
    expect(second.industry).toBeNull();
    expect(first.margin).toBeUndefined();
    expect('sales_window' in first).toBe(true);
    expect('margin' in first).toBe(false);
  });

  it('derives only the metrics that are read', () => {
    const made: string[] = [];
    const column = (id: string) => () => {
      made.push(id);
      return Float64Array.of(1, 2);
    };
    const columns: PopulationColumns = {
      ids: Int32Array.of(1, 2),
      metrics: lazyColumns({ sales_window: column('sales_window'), margin: column('margin') }),
    };
    expect(rowView(columns, 1).margin).toBe(2);
    expect(made).toEqual(['margin']);
  });
});
