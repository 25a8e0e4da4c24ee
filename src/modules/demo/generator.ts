import type { LifecycleStage, SizeBand } from '../../db/database.js';
import { Random } from './random.js';
import { DayFormatter, parseDate } from './calendar.js';
import { address, cityStem } from './geography.js';
import { industryPositions, tagPool } from './company.vocabulary.js';
import { CompanyNamer } from './company-names.js';
import { drawProfile, drawScale, roundTo, type Profile } from './profile.js';
import { HISTORY_DAYS, HistoryGenerator } from './history.js';
import { generateContacts } from './contacts.js';
import { generateActivities } from './activities.js';
import { landline, personName } from './names.js';
import { money, textArray } from './format.js';
import type { AccountManager, AccountManagers } from './organisation.js';
import { emptyChunk, type Chunk, type DemoTable } from './tables.js';

export interface GeneratorOptions {
  readonly customers: number;
  readonly seed: number;
  /** 'YYYY-MM-DD': the last day of history. The generator reads no clock. */
  readonly asOf: string;
  readonly accountManagers: AccountManagers;
  /** The ids already used in the database; generated ids continue after them. */
  readonly idBase?: Readonly<Record<'customers' | 'contacts' | 'orders', number>>;
  readonly orderLines?: boolean;
}

/** What the generator observed, for the summary: per-customer profit feeds the Pareto check. */
export interface GeneratorStats {
  readonly rows: Record<DemoTable, number>;
  readonly stages: Record<LifecycleStage, number>;
  readonly customerProfits: number[];
}

const sources = ['referral', 'exhibition', 'website', 'cold_call', 'tender', 'channel', 'other'];
const sourceWeights = [12, 18, 15, 25, 12, 10, 8];
const relationshipKinds = ['peer', 'upstream', 'downstream', 'partner', 'parent', 'subsidiary'] as const;
const relationshipWeights = [25, 20, 20, 20, 8, 7];
const relationshipNotes: Readonly<Record<(typeof relationshipKinds)[number], string>> = {
  peer: '同行业务往来',
  upstream: '其上游供应商',
  downstream: '其下游客户',
  partner: '项目合作伙伴',
  parent: '其母公司',
  subsidiary: '其子公司',
};
/** How many recent customers relationships and referrals may point at: keeps memory bounded at any scale. */
const RECENT = 1000;
const SENIORITY_WEIGHT = { senior: 3, middle: 1.5, junior: 0.5 } as const;

/**
 * Streams the demo company in chunks of customers. Each customer draws from its own random stream (seed, number), and
 * ids, names and relationships advance in customer order, so the rows depend only on the seed and the as-of date.
 */
export class DemoGenerator {
  readonly stats: GeneratorStats;
  private readonly asOf: number;
  private readonly format = new DayFormatter();
  private readonly history: HistoryGenerator;
  private readonly namer: CompanyNamer;
  private readonly recentCustomers: number[] = [];
  private readonly recentBuyers: number[] = [];
  private nextCustomer = 0;
  private nextContact: number;
  private nextOrder: number;

  constructor(private readonly options: GeneratorOptions) {
    this.asOf = parseDate(options.asOf);
    this.history = new HistoryGenerator(this.asOf, this.format, options.orderLines ?? true);
    this.namer = new CompanyNamer(options.seed);
    this.nextContact = options.idBase?.contacts ?? 0;
    this.nextOrder = options.idBase?.orders ?? 0;
    this.stats = {
      rows: { ...emptyCounts() },
      stages: {
        target: 0,
        intent: 0,
        closed_new: 0,
        closed_growing: 0,
        closed_stable: 0,
        closed_declining: 0,
        churned: 0,
      },
      customerProfits: [],
    };
  }

  get produced(): number {
    return this.nextCustomer;
  }

  get done(): boolean {
    return this.nextCustomer >= this.options.customers;
  }

  /** Appends the next `count` customers (fewer at the end), with all their rows, to `chunk`. */
  generateInto(chunk: Chunk, count: number): void {
    const tables = Object.keys(chunk) as DemoTable[];
    const before = tables.map((table) => chunk[table].length);
    const to = Math.min(this.options.customers, this.nextCustomer + count);
    for (; this.nextCustomer < to; this.nextCustomer++) this.customer(this.nextCustomer, chunk);
    tables.forEach((table, index) => (this.stats.rows[table] += chunk[table].length - (before[index] ?? 0)));
  }

  private customer(n: number, chunk: Chunk): void {
    const random = new Random(this.options.seed, n);
    const id = (this.options.idBase?.customers ?? 0) + n + 1;
    const customerId = String(id);
    const profile = drawProfile(random);
    const scale = drawScale(random, profile.size);
    const stem = cityStem(profile.city[0]);
    const company = this.namer.next(stem, profile.industry.words, incorporated(random, profile.size));
    const owner = profile.unowned ? null : this.pickOwner(random, profile);

    const history = this.history.generate(random, profile, customerId, () => ++this.nextOrder, chunk);
    const stage = history.stage;
    this.stats.stages[stage]++;
    if (history.orderCount > 0) this.stats.customerProfits.push(history.profit);
    const createdDay =
      history.firstOrder === null
        ? this.asOf - random.int(3, 720)
        : history.firstOrder <= this.asOf - HISTORY_DAYS + 90
          ? this.asOf - HISTORY_DAYS - random.int(30, 1800)
          : history.firstOrder - random.int(7, 90);
    const createdAt = this.format.timestamp(createdDay, random.int(8 * 60, 18 * 60));
    const updatedAt = this.format.timestamp(
      createdDay + random.int(0, this.asOf - createdDay),
      random.int(8 * 60, 18 * 60),
    );

    const referrer = this.referral(random, id, createdAt, chunk);
    this.relationships(random, id, createdAt, chunk);
    const contactIds = generateContacts(
      random,
      profile.size,
      customerId,
      `${company.brandPinyin}.com.cn`,
      createdAt,
      () => ++this.nextContact,
      this.format,
      chunk.contacts,
    );
    if (owner) {
      const from = Math.max(createdDay, this.asOf - 364);
      generateActivities(
        random,
        stage,
        profile.annualValue,
        customerId,
        owner.userId,
        contactIds,
        from,
        this.asOf,
        this.format,
        chunk.activities,
      );
    }

    const buyer = history.orderCount > 0;
    const active = buyer && stage !== 'churned';
    const yuan = profile.annualValue / 100;
    chunk.customers.push([
      customerId,
      `KH${String(id).padStart(7, '0')}`,
      company.name,
      company.shortName,
      profile.type,
      stage,
      owner ? String(owner.userId) : null,
      owner?.teamId == null ? null : String(owner.teamId),
      profile.province.name,
      profile.city[0],
      address(profile.city[0], (length) => random.int(0, length - 1), random.int(1, 999)),
      profile.industry.code,
      profile.nature,
      profile.size,
      String(scale.headcount),
      money(scale.registeredCapital * 100),
      money(scale.annualRevenue * 100),
      random.pick(positionsFor(profile.size)),
      personName(random, 0.85).name,
      landline(random, profile.city[1]),
      random.chance(0.6) ? `www.${company.brandPinyin}.com.cn` : null,
      buyer
        ? money(roundTo((yuan * Math.max(15, profile.paymentTermsDays) * 1.5) / 365, 10_000) * 100)
        : null,
      String(profile.paymentTermsDays),
      referrer === null ? random.weighted(sources.slice(1), sourceWeights.slice(1)) : 'referral',
      referrer === null ? null : String(referrer),
      !buyer || random.chance(0.5) ? money(roundTo(yuan * random.between(0.8, 2.5), 1000) * 100) : null,
      active ? random.between(0.1, 0.9).toFixed(4) : null,
      active ? money(roundTo(yuan * random.between(0.5, 2), 1000) * 100) : null,
      this.expectedClose(random, stage, profile),
      textArray(this.tags(random, profile, buyer)),
      createdAt,
      updatedAt,
    ]);

    this.remember(this.recentCustomers, id);
    if (active) this.remember(this.recentBuyers, id);
  }

  /** Reps of the customer's region, weighted by capacity; large accounts go preferably to senior reps. */
  private pickOwner(random: Random, profile: Profile): AccountManager | null {
    const regional = this.options.accountManagers[profile.province.region];
    const candidates = regional.length > 0 ? regional : Object.values(this.options.accountManagers).flat();
    if (candidates.length === 0) return null;
    const large = profile.size === 'large' || profile.size === 'xlarge';
    return random.weighted(
      candidates,
      candidates.map((rep) => rep.capacity * (large ? SENIORITY_WEIGHT[rep.level] : 1)),
    );
  }

  /** One in eight customers came by referral from an active buyer — "a customer is a well, not a bowl of water". */
  private referral(random: Random, id: number, createdAt: string, chunk: Chunk): number | null {
    if (this.recentBuyers.length === 0 || !random.chance(0.12)) return null;
    const referrer = random.pick(this.recentBuyers);
    chunk.customer_relationships.push([String(referrer), String(id), 'referred', '推荐客户', createdAt]);
    return referrer;
  }

  private relationships(random: Random, id: number, createdAt: string, chunk: Chunk): void {
    if (this.recentCustomers.length === 0 || !random.chance(0.15)) return;
    for (const related of random.sample(this.recentCustomers, random.int(1, 2))) {
      const kind = random.weighted(relationshipKinds, relationshipWeights);
      chunk.customer_relationships.push([
        String(id),
        String(related),
        kind,
        relationshipNotes[kind],
        createdAt,
      ]);
    }
  }

  private expectedClose(random: Random, stage: LifecycleStage, profile: Profile): string | null {
    if (profile.type === 'competitor' || profile.type === 'supplier') return null;
    if (stage === 'intent')
      return this.format.date(this.asOf + (random.chance(0.7) ? random.int(15, 180) : random.int(181, 365)));
    if (stage === 'target' && random.chance(0.4)) return this.format.date(this.asOf + random.int(120, 720));
    return null;
  }

  private tags(random: Random, profile: Profile, buyer: boolean): string[] {
    const tags = new Set<string>();
    if (buyer && profile.payer === 'chronic' && random.chance(0.6)) tags.add('账期长');
    if (buyer && profile.payer === 'punctual' && random.chance(0.3)) tags.add('付款及时');
    if (profile.type === 'channel') tags.add('渠道代理');
    for (const tag of random.sample(tagPool, random.int(0, 2))) tags.add(tag);
    return [...tags];
  }

  private remember(list: number[], id: number): void {
    if (list.length >= RECENT) list[id % RECENT] = id;
    else list.push(id);
  }
}

function incorporated(random: Random, size: SizeBand): boolean {
  return random.chance(size === 'xlarge' ? 0.6 : size === 'large' ? 0.25 : 0.02);
}

function positionsFor(size: SizeBand): readonly string[] {
  if (size === 'xlarge') return industryPositions.slice(0, 2);
  if (size === 'large') return industryPositions.slice(0, 3);
  return industryPositions.slice(2);
}

function emptyCounts(): Record<DemoTable, number> {
  const chunk = emptyChunk();
  return Object.fromEntries(Object.keys(chunk).map((table) => [table, 0])) as Record<DemoTable, number>;
}
