import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderById } from '../sort/radix.js';
import { selectPositions } from '../sort/select.js';
import { groupsByEnds } from './positions.js';

describe('groups by the ends of a ranking', () => {
  it('the bucket table gives every row the group the row-by-row comparison gives (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: -20, max: 20 }),
            fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
            fc.constant(Number.NaN),
          ),
          {
            minLength: 1,
            maxLength: 400,
          },
        ),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 6 }),
        (list, descending, nullsFirst, valueOnly, groupCount) => {
          const values = Float64Array.from(list);
          const n = values.length;
          const ids = Int32Array.from({ length: n }, (_, i) => (i * 7919) % 1009);
          const order = { descending, nulls: nullsFirst ? ('first' as const) : ('last' as const) };
          // Ends of groups of about equal size, the last group ending at the last row.
          const positions = Array.from(
            { length: groupCount },
            (_, g) => Math.ceil(((g + 1) * n) / groupCount) - 1,
          );
          const { rows, buckets } = selectPositions(values, positions, order, ids, orderById(ids));
          const ends = Int32Array.from(rows);
          const last = groupCount - 1;
          expect(Array.from(groupsByEnds(values, ids, order, ends, last, valueOnly, buckets))).toEqual(
            Array.from(groupsByEnds(values, ids, order, ends, last, valueOnly)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
