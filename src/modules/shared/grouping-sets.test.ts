import { describe, expect, it } from 'vitest';
import { splitGrandTotal } from './grouping-sets.js';

describe('grouping-sets rows', () => {
  it('the grand total is told by its grouping flag, wherever the statement put it', () => {
    const rows = [
      { is_total: 0, owner: 'a' },
      { is_total: 1, owner: null },
      { is_total: 0, owner: 'b' },
    ];
    expect(splitGrandTotal(rows)).toEqual({ total: rows[1], groups: [rows[0], rows[2]] });
  });

  it('a statement without a grand total is an error, not an empty report', () => {
    expect(() => splitGrandTotal([{ is_total: 0 }])).toThrow('no grand total');
  });
});
