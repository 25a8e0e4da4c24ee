/**
 * The extensible code lists of customer records. Companies add their own entries (kind + code) at run time;
 * these are the defaults named by the source material.
 */
export const extensibleKinds = ['customer_type', 'enterprise_nature', 'industry', 'source'] as const;
export type DictionaryKind = (typeof extensibleKinds)[number];

export interface DictionaryEntry {
  readonly kind: DictionaryKind;
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly sort: number;
}

const list = (
  kind: DictionaryKind,
  entries: ReadonlyArray<readonly [string, string, string]>,
): DictionaryEntry[] =>
  entries.map(([code, nameZh, nameEn], index) => ({ kind, code, nameZh, nameEn, sort: (index + 1) * 10 }));

export const builtinDictionary: readonly DictionaryEntry[] = [
  ...list('customer_type', [
    ['customer', '客户', 'Customer'],
    ['channel', '渠道/代理商', 'Channel / agent'],
    ['supplier', '供应商', 'Supplier'],
    ['partner', '合作伙伴', 'Partner'],
    ['competitor', '竞争对手', 'Competitor'],
  ]),
  ...list('enterprise_nature', [
    ['state_owned', '国有企业', 'State-owned'],
    ['private', '民营企业', 'Private'],
    ['foreign', '外资企业', 'Foreign-owned'],
    ['joint_venture', '合资企业', 'Joint venture'],
    ['public_institution', '事业单位', 'Public institution'],
    ['government', '政府机关', 'Government'],
    ['individual', '个体工商户', 'Individual business'],
  ]),
  ...list('industry', [
    ['manufacturing', '制造业', 'Manufacturing'],
    ['construction', '建筑工程', 'Construction'],
    ['energy', '能源电力', 'Energy & power'],
    ['mining', '采矿冶金', 'Mining & metals'],
    ['chemicals', '化工', 'Chemicals'],
    ['automotive', '汽车及零部件', 'Automotive'],
    ['food', '食品饮料', 'Food & beverage'],
    ['logistics', '交通物流', 'Transport & logistics'],
    ['utilities', '水务环保', 'Water & environment'],
    ['electronics', '电子电气', 'Electronics'],
    ['agriculture', '农业', 'Agriculture'],
    ['trading', '批发贸易', 'Wholesale & trading'],
    ['retail', '零售', 'Retail'],
    ['other', '其他', 'Other'],
  ]),
  ...list('source', [
    ['referral', '客户推荐', 'Referral'],
    ['exhibition', '展会', 'Trade show'],
    ['website', '官网', 'Website'],
    ['cold_call', '电话开发', 'Cold call'],
    ['tender', '招投标', 'Tender'],
    ['channel', '渠道引荐', 'Channel'],
    ['other', '其他', 'Other'],
  ]),
];
