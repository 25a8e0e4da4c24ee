import type { UserLevel } from '../../db/database.js';

/** Customers of one grade under one rule: `customers` of them at N per manager, needing managers of `level`. */
export interface HeadcountGroup {
  readonly policyId: number;
  readonly gradeCode: string;
  readonly level: UserLevel | null;
  readonly max: number;
  readonly customers: number;
}

export interface HeadcountLine {
  readonly level: UserLevel | 'any';
  readonly groups: readonly HeadcountGroup[];
  /** The arithmetic, e.g. "12/1 + 30/2 = 27". */
  readonly formula: string;
  /** Σ customers/N, exact, as a decimal with two places (rounded up). */
  readonly fractional: string;
  /** Whole managers: the sum rounded up. */
  readonly needed: number;
  readonly existing: number;
  /** existing − needed: negative is a shortfall. */
  readonly gap: number;
}

const LEVELS: ReadonlyArray<UserLevel | 'any'> = ['senior', 'middle', 'junior', 'any'];

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

/** Σ customers/N as an exact fraction (BigInt, so thousands of grades with co-prime N cannot overflow). */
function exactSum(groups: readonly HeadcountGroup[]): { num: bigint; den: bigint } {
  let num = 0n;
  let den = 1n;
  for (const g of groups) {
    const n = BigInt(g.customers);
    const d = BigInt(g.max);
    num = num * d + n * den;
    den *= d;
    const common = gcd(num, den);
    if (common > 1n) {
      num /= common;
      den /= common;
    }
  }
  return { num, den };
}

const ceilDiv = (num: bigint, den: bigint) => (num + den - 1n) / den;

/**
 * Managers needed per level for the current grade distribution: a customer of a grade with N customers per
 * manager needs 1/N of a manager of the grade's level; each level's sum is rounded up to whole people and set
 * against the assignable managers of that level. Grades without a ratio (channel, pool) need no account manager
 * and are left out; grades with a ratio but no level count under "any".
 */
export function headcountPlan(
  groups: readonly HeadcountGroup[],
  managersByLevel: Readonly<Partial<Record<UserLevel, number>>>,
): HeadcountLine[] {
  return LEVELS.map((level) => {
    const mine = groups.filter((g) => (g.level ?? 'any') === level && g.customers > 0);
    const { num, den } = exactSum(mine);
    const needed = Number(ceilDiv(num, den));
    const hundredths = ceilDiv(num * 100n, den);
    const fractional = `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
    const existing = level === 'any' ? 0 : (managersByLevel[level] ?? 0);
    const terms = mine.map((g) => `${g.customers}/${g.max}`).join(' + ');
    return {
      level,
      groups: mine,
      formula: mine.length === 0 ? '0' : `${terms} = ${fractional}`,
      fractional,
      needed,
      existing,
      gap: existing - needed,
    };
  }).filter((line) => line.level !== 'any' || line.groups.length > 0);
}
