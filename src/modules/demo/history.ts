import type { LifecycleStage } from '../../db/database.js';
import type { DayFormatter } from './calendar.js';
import type { Random } from './random.js';
import type { Profile } from './profile.js';
import { products } from './company.vocabulary.js';
import { money } from './format.js';
import type { Row } from './tables.js';

/** Three years of history end at the as-of date. */
export const HISTORY_DAYS = 3 * 365;

/**
 * Lifecycle stage as derived from the orders (cancelled ones excluded), so that the stage a record carries always
 * agrees with its history: no orders → prospect; nothing in the last 365 days → churned; first order in the last
 * 180 days → new; otherwise the last 12 months' sales against the 12 before: ≥ +20% growing, ≤ −20% declining,
 * else stable.
 */
export function lifecycleFromOrders(
  days: readonly number[],
  amounts: readonly number[],
  asOf: number,
  prospectStage: LifecycleStage,
): LifecycleStage {
  if (days.length === 0) return prospectStage;
  let first = Infinity;
  let last = -Infinity;
  let lastYear = 0;
  let yearBefore = 0;
  days.forEach((day, index) => {
    first = Math.min(first, day);
    last = Math.max(last, day);
    const amount = amounts[index] ?? 0;
    if (day > asOf - 365) lastYear += amount;
    else if (day > asOf - 730) yearBefore += amount;
  });
  if (last <= asOf - 365) return 'churned';
  if (first > asOf - 180) return 'closed_new';
  if (yearBefore === 0 || lastYear >= yearBefore * 1.2) return 'closed_growing';
  if (lastYear <= yearBefore * 0.8) return 'closed_declining';
  return 'closed_stable';
}

export interface HistorySink {
  readonly orders: Row[];
  readonly order_lines: Row[];
  readonly payments: Row[];
}

export interface History {
  readonly stage: LifecycleStage;
  readonly firstOrder: number | null;
  readonly orderCount: number;
  /** Gross profit of the non-cancelled orders, in cents. */
  readonly profit: number;
}

const sortedProducts = products.slice().sort((a, b) => a.unitPrice - b.unitPrice);

interface Window {
  readonly start: number;
  readonly end: number;
  readonly trend: (t: number) => number;
}

function activeWindow(random: Random, profile: Profile, asOf: number): Window | null {
  const historyStart = asOf - HISTORY_DAYS + 1;
  // Most established customers were buying before the window opened; the rest started more than a year ago.
  const establishedStart = () => (random.chance(0.6) ? historyStart : random.int(historyStart, asOf - 420));
  switch (profile.trajectory) {
    case 'prospect':
      return null;
    case 'new':
      return { start: random.int(asOf - 170, asOf - 10), end: asOf, trend: () => 1 };
    case 'growing':
      return { start: establishedStart(), end: asOf, trend: (t) => 0.35 + 1.5 * t };
    case 'stable':
      return { start: establishedStart(), end: asOf, trend: () => 1 };
    case 'declining':
      return { start: establishedStart(), end: asOf, trend: (t) => 1.7 - 1.45 * t };
    case 'churned': {
      const end = random.int(asOf - 900, asOf - 380);
      return { start: Math.min(end - 90, establishedStart()), end, trend: (t) => 1.2 - 0.7 * t };
    }
  }
}

/** Order days over the window: a Poisson count per 30-day slot, following the customer's trend. */
function orderDays(random: Random, profile: Profile, window: Window): number[] {
  const days: number[] = [];
  const span = Math.max(1, window.end - window.start);
  for (let slot = window.start; slot <= window.end; slot += 30) {
    const length = Math.min(30, window.end - slot + 1);
    const t = (slot + length / 2 - window.start) / span;
    const count = random.poisson((profile.ordersPerYear / 365) * length * window.trend(t));
    for (let i = 0; i < count; i++) days.push(slot + random.int(0, length - 1));
  }
  if (days.length === 0) days.push(random.int(Math.max(window.start, window.end - 60), window.end));
  return days.sort((a, b) => a - b);
}

export class HistoryGenerator {
  constructor(
    private readonly asOf: number,
    private readonly format: DayFormatter,
    private readonly withLines: boolean,
  ) {}

  generate(
    random: Random,
    profile: Profile,
    customerId: string,
    nextOrderId: () => number,
    sink: HistorySink,
  ): History {
    const window = activeWindow(random, profile, this.asOf);
    if (!window) return { stage: profile.prospectStage, firstOrder: null, orderCount: 0, profit: 0 };
    const days = orderDays(random, profile, window);
    const span = Math.max(1, window.end - window.start);
    const counted: number[] = [];
    const countedAmounts: number[] = [];
    let profit = 0;
    const meanOrder = profile.annualValue / Math.max(1, profile.ordersPerYear);
    for (const day of days) {
      const trend = window.trend((day - window.start) / span);
      const target = Math.max(50_000, meanOrder * random.logNormal(1, 0.55) * Math.sqrt(trend));
      const orderId = nextOrderId();
      const { amount, cost } = this.lines(random, profile, orderId, customerId, target, sink);
      const status = random.chance(0.015)
        ? 'cancelled'
        : day > this.asOf - 20 && random.chance(0.4)
          ? 'confirmed'
          : 'completed';
      const createdAt = this.format.timestamp(day, random.int(8 * 60, 18 * 60));
      const date = this.format.date(day);
      sink.orders.push([
        String(orderId),
        customerId,
        orderNumber(orderId),
        date,
        money(amount),
        money(cost),
        money(amount - cost),
        status,
        createdAt,
        createdAt,
      ]);
      if (status === 'cancelled') continue;
      counted.push(day);
      countedAmounts.push(amount);
      profit += amount - cost;
      this.payments(random, profile, customerId, orderId, day, amount, createdAt, sink);
    }
    return {
      stage: lifecycleFromOrders(counted, countedAmounts, this.asOf, profile.prospectStage),
      firstOrder: days[0] ?? null,
      orderCount: days.length,
      profit,
    };
  }

  /** Splits the order's value over 1–3 catalogue products; margins vary, and a few orders are sold at a loss. */
  private lines(
    random: Random,
    profile: Profile,
    orderId: number,
    customerId: string,
    target: number,
    sink: HistorySink,
  ): { amount: number; cost: number } {
    const lineCount = random.weighted([1, 2, 3], [55, 30, 15]);
    const margin = random.chance(0.025)
      ? -random.between(0.02, 0.15)
      : Math.min(0.6, Math.max(0.02, profile.margin + random.normal() * 0.05));
    const discount = random.between(0.85, 1);
    let amount = 0;
    let cost = 0;
    for (let line = 0; line < lineCount; line++) {
      const lineTarget = target / lineCount;
      const product = affordableProduct(random, lineTarget);
      const unitPrice = Math.round(product.unitPrice * discount);
      const quantity = Math.max(1, Math.round(lineTarget / unitPrice));
      const lineAmount = quantity * unitPrice;
      const lineCost = Math.round(lineAmount * (1 - margin));
      amount += lineAmount;
      cost += lineCost;
      if (this.withLines) {
        sink.order_lines.push([
          String(orderId),
          customerId,
          product.name,
          String(quantity),
          money(unitPrice),
          money(lineAmount),
          money(lineCost),
        ]);
      }
    }
    return { amount, cost };
  }

  /** Due at order date + payment terms; larger orders sometimes take a 30% deposit due on the order date. */
  private payments(
    random: Random,
    profile: Profile,
    customerId: string,
    orderId: number,
    orderDay: number,
    amount: number,
    createdAt: string,
    sink: HistorySink,
  ): void {
    const finalDue = orderDay + profile.paymentTermsDays;
    const deposit =
      amount > 10_000_000 && profile.paymentTermsDays > 0 && random.chance(0.35)
        ? Math.round(amount * 0.3)
        : 0;
    const instalments: Array<readonly [number, number]> =
      deposit > 0
        ? [
            [orderDay, deposit],
            [finalDue, amount - deposit],
          ]
        : [[finalDue, amount]];
    for (const [due, part] of instalments) {
      const paid = this.paidDay(random, profile, orderDay, due);
      sink.payments.push([
        customerId,
        String(orderId),
        this.format.date(due),
        paid === null ? null : this.format.date(paid),
        money(part),
        createdAt,
        paid === null ? createdAt : this.format.timestamp(paid, 600),
      ]);
    }
  }

  private paidDay(random: Random, profile: Profile, orderDay: number, due: number): number | null {
    const early = () => due - random.int(0, Math.min(5, due - orderDay));
    const roll = random.next();
    let paid: number | null;
    switch (profile.payer) {
      case 'punctual':
        paid = roll < 0.95 ? early() : due + random.int(1, 10);
        break;
      case 'occasional':
        paid = roll < 0.7 ? early() : due + random.int(5, 45);
        break;
      case 'chronic':
        paid = roll < 0.08 ? null : roll < 0.85 ? due + random.int(15, 120) : early();
        break;
    }
    return paid === null || paid > this.asOf ? null : paid;
  }
}

/**
 * Sequential order numbers, as an ERP issues them. Increasing with the id, they append to the unique index instead
 * of landing at random pages of it (a date prefix would, since customers are generated one after another).
 */
function orderNumber(orderId: number): string {
  return `SO${String(orderId).padStart(10, '0')}`;
}

/** A product whose price suits the line's value, so quantities stay plausible. */
function affordableProduct(random: Random, lineTarget: number) {
  let high = 0;
  while (
    high + 1 < sortedProducts.length &&
    (sortedProducts[high + 1]?.unitPrice ?? Infinity) <= lineTarget * 1.5
  )
    high++;
  const low = Math.max(0, high - 10);
  return sortedProducts[random.int(low, high)] ?? sortedProducts[0]!;
}
