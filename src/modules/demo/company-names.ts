import { brandChars } from './company.vocabulary.js';

const BRANDS = brandChars.length * (brandChars.length - 1);
/** A prime that divides no name space used here, so `k → k·STRIDE + shift (mod space)` is a bijection. */
const STRIDE = 1_000_003;
const branchNumerals = ['二', '三', '四', '五', '六', '七', '八', '九', '十'];

export interface CompanyName {
  readonly name: string;
  readonly shortName: string;
  /** Pinyin of the brand, for web and e-mail domains. */
  readonly brandPinyin: string;
}

/**
 * Unique company names without remembering them: within one (city, industry, legal form) the k-th company gets the
 * k-th element of a seeded permutation of (brand × business word), so names look random yet never repeat. Memory is
 * one counter per key, whatever the number of customers.
 */
export class CompanyNamer {
  private readonly counters = new Map<string, number>();

  constructor(private readonly seed: number) {}

  next(cityStem: string, words: readonly string[], incorporated: boolean): CompanyName {
    const suffix = incorporated ? '股份有限公司' : '有限公司';
    const key = `${cityStem}|${words[0] ?? ''}|${suffix}`;
    const k = this.counters.get(key) ?? 0;
    this.counters.set(key, k + 1);
    const space = BRANDS * words.length;
    const round = Math.floor(k / space);
    const code = ((k % space) * STRIDE + this.shift(key, space)) % space;
    const pair = code % BRANDS;
    const word = words[Math.floor(code / BRANDS)] ?? '';
    const first = Math.floor(pair / (brandChars.length - 1));
    const secondRaw = pair % (brandChars.length - 1);
    const second = secondRaw < first ? secondRaw : secondRaw + 1;
    const [firstChar, firstPinyin] = brandChars[first] ?? ['', ''];
    const [secondChar, secondPinyin] = brandChars[second] ?? ['', ''];
    const brand = firstChar + secondChar;
    // Past the permutation's end a name repeats with a branch number: a real, distinct legal entity (分公司).
    const branch = round === 0 ? '' : `第${branchNumerals[round - 1] ?? String(round + 1)}分公司`;
    return {
      name: `${cityStem}${brand}${word}${suffix}${branch}`,
      shortName: `${brand}${word.slice(0, 2)}`,
      brandPinyin: firstPinyin + secondPinyin,
    };
  }

  private shift(key: string, space: number): number {
    let h = this.seed >>> 0;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
    return h % space;
  }
}
