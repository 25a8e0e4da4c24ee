import { describe, expect, it } from 'vitest';
import type { ImportField } from './api/imports.api';
import {
  canMultiply,
  canTakePart,
  isMapped,
  setField,
  sourceKindOf,
  withSource,
  withTransforms,
} from './mapping';

const field = (type: string): ImportField => ({ key: 'x', type, label: { 'zh-CN': 'x', 'en-US': 'x' } });

describe('a field mapping edited on the import page', () => {
  it('keeps its transforms when its source changes from a column to a constant', () => {
    const spec = withSource({ column: '金额（万元）', multiply: 10_000 }, 'constant', '5');
    expect(spec).toEqual({ constant: '5', multiply: 10_000 });
    expect(sourceKindOf(spec)).toBe('constant');
  });

  it('is dropped with its transforms when its source is cleared', () => {
    expect(withSource({ column: '状态', values: { VIP: 'key' } }, undefined, '')).toBeUndefined();
    expect(setField({ status: { column: '状态' }, name: { column: '名称' } }, 'status', undefined)).toEqual({
      name: { column: '名称' },
    });
  });

  it('counts as unmapped while its constant or composed text is empty', () => {
    expect(isMapped({ constant: '' })).toBe(false);
    expect(isMapped({ template: '  ' })).toBe(false);
    expect(isMapped({ constant: 'GBP' })).toBe(true);
    expect(isMapped({ column: 'InvoiceNo' })).toBe(true);
    expect(isMapped(undefined)).toBe(false);
  });

  it('takes a constant before a composed text and a composed text before a column, as the server does', () => {
    expect(sourceKindOf({ column: 'a', template: '{a}', constant: 'c' })).toBe('constant');
    expect(sourceKindOf({ column: 'a', template: '{a}' })).toBe('template');
  });

  it('drops a multiplier of 1, an empty value map and the whole-value part, so a saved template holds only what acts', () => {
    expect(
      withTransforms({ column: '金额', multiply: 100 }, { multiply: 1, values: {}, part: undefined }),
    ).toEqual({
      column: '金额',
    });
    expect(withTransforms({ column: '日期' }, { part: 'date', values: { 无: '' } })).toEqual({
      column: '日期',
      part: 'date',
      values: { 无: '' },
    });
  });

  it('offers a multiplier for amounts, quantities and prices only, and a date part for dates only', () => {
    expect(['money', 'signed_money', 'quantity', 'price'].every((type) => canMultiply(field(type)))).toBe(
      true,
    );
    expect(['integer', 'ratio', 'text', 'date'].some((type) => canMultiply(field(type)))).toBe(false);
    expect(canTakePart(field('date')) && canTakePart(field('datetime'))).toBe(true);
    expect(canTakePart(field('text'))).toBe(false);
  });
});
