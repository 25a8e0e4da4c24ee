import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DemoGenerator, type GeneratorOptions } from './generator.js';
import { lifecycleFromOrders } from './history.js';
import { CompanyNamer } from './company-names.js';
import { parseDate } from './calendar.js';
import { topShare } from './demo.service.js';
import { Random } from './random.js';
import { emptyChunk, type Chunk } from './tables.js';

const rep = { userId: 7, teamId: 3, level: 'middle' as const, capacity: 100 };
const options = (seed: number, customers: number): GeneratorOptions => ({
  customers,
  seed,
  asOf: '2025-06-30',
  accountManagers: { east: [rep], south: [rep], north: [rep] },
});

function generate(seed: number, customers: number, slice = customers): Chunk {
  const generator = new DemoGenerator(options(seed, customers));
  const chunk = emptyChunk();
  while (!generator.done) generator.generateInto(chunk, slice);
  return chunk;
}

describe('demo generator', () => {
  it('the same seed gives the same rows, however the load is sliced', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 1, max: 17 }),
        (seed, slice) => {
          expect(generate(seed, 40, slice)).toEqual(generate(seed, 40));
        },
      ),
      { numRuns: 8 },
    );
  });

  it('a different seed gives different companies', () => {
    const names = (seed: number) => generate(seed, 30).customers.map((row) => row[2]);
    expect(names(1)).not.toEqual(names(2));
  });

  it('company names are unique within a run', () => {
    const names = generate(11, 3000).customers.map((row) => row[2]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('no generated value needs escaping in COPY text, so rows never split or shift columns', () => {
    const fields = Object.values(generate(5, 300)).flat(2);
    expect(fields.filter((field) => field !== null && /[\t\n\r\\]/.test(field))).toEqual([]);
  });

  it('rejects an as-of date that is not on the calendar', () => {
    expect(() => parseDate('2025-02-30')).toThrow(RangeError);
    expect(() => parseDate('30/06/2025')).toThrow(RangeError);
  });
});

describe('company names', () => {
  it('stay unique past the end of the brand × word permutation by becoming numbered branches', () => {
    const namer = new CompanyNamer(9);
    const words = ['机械'];
    const space = 60 * 59;
    const names = Array.from({ length: space + 5 }, () => namer.next('苏州', words, false).name);
    expect(new Set(names).size).toBe(names.length);
    expect(names[space]).toMatch(/^苏州..机械有限公司第二分公司$/);
  });
});

describe('lifecycle from orders', () => {
  const asOf = 20_000;
  it('a customer without orders keeps its prospect stage', () => {
    expect(lifecycleFromOrders([], [], asOf, 'intent')).toBe('intent');
  });
  it('no order in the last 365 days is churned, the 365th day back included', () => {
    expect(lifecycleFromOrders([asOf - 800, asOf - 365], [100, 100], asOf, 'target')).toBe('churned');
    expect(lifecycleFromOrders([asOf - 800, asOf - 364], [100, 100], asOf, 'target')).not.toBe('churned');
  });
  it('a first order within 180 days is new', () => {
    expect(lifecycleFromOrders([asOf - 179], [100], asOf, 'target')).toBe('closed_new');
  });
  it('+20% on the year before is growing, +19% stable', () => {
    expect(lifecycleFromOrders([asOf - 400, asOf - 10], [100, 120], asOf, 'target')).toBe('closed_growing');
    expect(lifecycleFromOrders([asOf - 400, asOf - 10], [100, 119], asOf, 'target')).toBe('closed_stable');
  });
  it('−20% on the year before is declining, −19% stable', () => {
    expect(lifecycleFromOrders([asOf - 400, asOf - 10], [100, 80], asOf, 'target')).toBe('closed_declining');
    expect(lifecycleFromOrders([asOf - 400, asOf - 10], [100, 81], asOf, 'target')).toBe('closed_stable');
  });
  it('an established customer with nothing in the year before is growing', () => {
    expect(lifecycleFromOrders([asOf - 900, asOf - 10], [100, 50], asOf, 'target')).toBe('closed_growing');
  });
});

describe('top share', () => {
  it('the top 20% of five customers is the largest one', () => {
    expect(topShare([5, 30, 50, 10, 5], 0.2)).toBeCloseTo(0.5, 12);
  });
  it('equal values share in proportion', () => {
    expect(topShare(Array(10).fill(7), 0.2)).toBeCloseTo(0.2, 12);
  });
  it('a loss-making customer raises the share of the rest', () => {
    expect(topShare([100, -10, 10], 0.2)).toBeCloseTo(1, 12);
  });
  it('an empty population has no share', () => {
    expect(topShare([], 0.2)).toBe(0);
  });
});

describe('random', () => {
  it('int stays within its inclusive bounds', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (seed, min, width) => {
          const value = new Random(seed).int(min, min + width);
          return value >= min && value <= min + width && Number.isInteger(value);
        },
      ),
    );
  });
});
