// Longest first: 新疆维吾尔自治区 must lose its whole suffix, not just 自治区.
const SUFFIXES = ['维吾尔自治区', '壮族自治区', '回族自治区', '特别行政区', '自治区', '省', '市'];

/**
 * The name the China map gives a province, from the name customer records use (江苏省 → 江苏, 上海市 → 上海,
 * 广西壮族自治区 → 广西); null for what is not one of the map's regions. Short names pass through unchanged.
 */
export function mapProvinceName(name: string | null, mapNames: ReadonlySet<string>): string | null {
  if (name === null) return null;
  const trimmed = name.trim();
  if (mapNames.has(trimmed)) return trimmed;
  const suffix = SUFFIXES.find((s) => trimmed.endsWith(s) && trimmed.length > s.length);
  const short = suffix ? trimmed.slice(0, -suffix.length) : trimmed;
  return mapNames.has(short) ? short : null;
}

export interface ProvinceValue {
  name: string;
  value: number;
  counts: number[];
  /** The province names the customer records use for this region (江苏省, 江苏). */
  keys: string[];
}

/** Sums composition rows onto the map's regions; rows that match no region are counted apart, not dropped. */
export function toMapRegions(
  rows: readonly { key: string | null; counts: readonly number[]; total: number }[],
  mapNames: ReadonlySet<string>,
): { regions: ProvinceValue[]; unmatched: number } {
  const byName = new Map<string, ProvinceValue>();
  let unmatched = 0;
  for (const row of rows) {
    const name = mapProvinceName(row.key, mapNames);
    if (name === null) {
      unmatched += row.total;
      continue;
    }
    const region = byName.get(name) ?? { name, value: 0, counts: row.counts.map(() => 0), keys: [] };
    region.value += row.total;
    region.keys.push(row.key!);
    row.counts.forEach((count, i) => (region.counts[i] = (region.counts[i] ?? 0) + count));
    byName.set(name, region);
  }
  return { regions: [...byName.values()], unmatched };
}
