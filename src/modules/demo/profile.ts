import type { LifecycleStage, SizeBand } from '../../db/database.js';
import type { Random } from './random.js';
import { provinces, provinceWeights, type Province } from './geography.js';
import { industries, industryWeights, type IndustryProfile } from './company.vocabulary.js';

/**
 * Who a customer is, before any record is written: the draws that the company record, its history and its care all
 * depend on. Sizes drive value; value is heavy-tailed (log-normal within a size band) so that a fifth of the
 * customers bring most of the profit, as the source material observes.
 */
export type CustomerType = 'customer' | 'channel' | 'supplier' | 'partner' | 'competitor';
export type Trajectory = 'prospect' | 'new' | 'growing' | 'stable' | 'declining' | 'churned';
export type PayerHabit = 'punctual' | 'occasional' | 'chronic';

export interface Profile {
  readonly type: CustomerType;
  readonly province: Province;
  readonly city: readonly [string, string];
  readonly industry: IndustryProfile;
  readonly nature: string;
  readonly size: SizeBand;
  readonly trajectory: Trajectory;
  /** For prospects: how far along they are. */
  readonly prospectStage: Extract<LifecycleStage, 'target' | 'intent'>;
  /** Expected yearly purchases from us, in cents. */
  readonly annualValue: number;
  readonly ordersPerYear: number;
  readonly margin: number;
  readonly paymentTermsDays: number;
  readonly payer: PayerHabit;
  readonly unowned: boolean;
}

const types: readonly CustomerType[] = ['customer', 'channel', 'supplier', 'partner', 'competitor'];
const typeWeights = [85, 8, 3, 2.5, 1.5];

const natures = [
  'private',
  'state_owned',
  'foreign',
  'joint_venture',
  'public_institution',
  'government',
  'individual',
];
const natureWeights = [60, 12, 8, 6, 3, 1, 10];

const sizes: readonly SizeBand[] = ['micro', 'small', 'medium', 'large', 'xlarge'];
const sizeWeightsByNature: Readonly<Record<string, readonly number[]>> = {
  individual: [80, 20, 0, 0, 0],
  state_owned: [0, 15, 35, 35, 15],
  foreign: [0, 20, 40, 30, 10],
  joint_venture: [0, 20, 45, 28, 7],
  government: [0, 30, 50, 20, 0],
  public_institution: [5, 40, 40, 15, 0],
  private: [16, 40, 30, 11, 3],
};

/** Median yearly purchases (yuan) and orders per year by size band. */
const bandValue: Readonly<Record<SizeBand, readonly [number, number]>> = {
  micro: [30_000, 3],
  small: [110_000, 6],
  medium: [400_000, 10],
  large: [1_400_000, 15],
  xlarge: [4_500_000, 24],
};

const trajectories: readonly Trajectory[] = ['prospect', 'new', 'growing', 'stable', 'declining', 'churned'];
const trajectoryWeights = [28, 8, 17, 23, 12, 12];

const terms = [0, 30, 60, 90, 120];
const termWeights: Readonly<Record<string, readonly number[]>> = {
  state_owned: [2, 20, 35, 30, 13],
  government: [0, 10, 30, 40, 20],
  default: [12, 42, 30, 12, 4],
};

export function drawProfile(random: Random): Profile {
  const type = random.weighted(types, typeWeights);
  const province = random.weighted(provinces, provinceWeights);
  // Capitals and the first-listed industrial centres carry more companies.
  const city = random.weighted(
    province.cities,
    province.cities.map((_, index) => (index === 0 ? 2 : 1)),
  );
  const industry =
    type === 'competitor'
      ? (industries.find((i) => i.code === 'trading') ?? industries[0]!)
      : random.weighted(industries, industryWeights);
  const nature =
    type === 'channel' || type === 'competitor' ? 'private' : random.weighted(natures, natureWeights);
  const size = random.weighted(sizes, sizeWeightsByNature[nature] ?? sizeWeightsByNature.private!);
  const trajectory = trajectoryFor(random, type);
  const [medianValue, medianOrders] = bandValue[size];
  const channelFactor = type === 'channel' ? 2.5 : 1;
  return {
    type,
    province,
    city,
    industry,
    nature,
    size,
    trajectory,
    prospectStage: random.chance(0.45) ? 'intent' : 'target',
    annualValue: Math.round(random.logNormal(medianValue * channelFactor, 0.9) * 100),
    ordersPerYear: random.logNormal(medianOrders * (type === 'channel' ? 1.8 : 1) * 1.45, 0.45),
    margin: industry.margin - (type === 'channel' ? 0.06 : 0) + random.normal() * 0.045,
    paymentTermsDays: random.weighted(terms, termWeights[nature] ?? termWeights.default!),
    payer: random.weighted<PayerHabit>(['punctual', 'occasional', 'chronic'], [65, 22, 13]),
    unowned: random.chance(trajectory === 'churned' ? 0.2 : 0.02),
  };
}

/** Suppliers and competitors are in the records for their relationships, not their purchases. */
function trajectoryFor(random: Random, type: CustomerType): Trajectory {
  if (type === 'competitor') return 'prospect';
  if (type === 'supplier' && random.chance(0.7)) return 'prospect';
  return random.weighted(trajectories, trajectoryWeights);
}

/** Headcount, registered capital and revenue (both in yuan) by band, each varying within it. */
const bandScale: Readonly<Record<SizeBand, readonly [number, number, number]>> = {
  micro: [8, 1_000_000, 3_000_000],
  small: [50, 5_000_000, 30_000_000],
  medium: [220, 30_000_000, 200_000_000],
  large: [1_200, 200_000_000, 1_500_000_000],
  xlarge: [8_000, 1_500_000_000, 12_000_000_000],
};

export interface Scale {
  readonly headcount: number;
  readonly registeredCapital: number;
  readonly annualRevenue: number;
}

export function drawScale(random: Random, size: SizeBand): Scale {
  const [headcount, capital, revenue] = bandScale[size];
  const factor = random.logNormal(1, 0.45);
  return {
    headcount: Math.max(3, Math.round(headcount * factor)),
    registeredCapital: roundTo(capital * random.logNormal(1, 0.5), 100_000),
    annualRevenue: roundTo(revenue * factor * random.logNormal(1, 0.25), 10_000),
  };
}

export function roundTo(value: number, unit: number): number {
  return Math.max(unit, Math.round(value / unit) * unit);
}
