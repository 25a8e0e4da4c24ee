/** What a column of an import file can become. */
export type FieldType =
  | 'text'
  | 'code'
  | 'integer'
  | 'money'
  | 'signed_money'
  | 'quantity'
  | 'price'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'enum'
  | 'dictionary'
  | 'user'
  | 'ratio';

export interface FieldSpec {
  readonly key: string;
  readonly type: FieldType;
  readonly required?: boolean;
  readonly maxLength?: number;
  /** Header names recognised for this field, Chinese and English, compared after normalisation. */
  readonly aliases: readonly string[];
  /** For 'enum': code → labels accepted besides the code (zh-CN first). */
  readonly values?: Readonly<Record<string, readonly string[]>>;
  /** For 'dictionary': the dictionary kind whose codes and names are accepted. */
  readonly dictionary?: string;
  readonly label: { readonly 'zh-CN': string; readonly 'en-US': string };
}

export const importEntities = [
  'customers',
  'contacts',
  'relationships',
  'orders',
  'payments',
  'activities',
] as const;
export type ImportEntity = (typeof importEntities)[number];

const f = (
  key: string,
  type: FieldType,
  zh: string,
  en: string,
  aliases: readonly string[],
  extra: Partial<FieldSpec> = {},
): FieldSpec => ({
  key,
  type,
  label: { 'zh-CN': zh, 'en-US': en },
  aliases: [zh, en, key, ...aliases],
  ...extra,
});

const customerCode = (zh = '客户编号', aliases: readonly string[] = []) =>
  f(
    'customer_code',
    'code',
    zh,
    'Customer code',
    [
      '客户编码',
      '客户代码',
      '客户号',
      'customer no',
      'customer id',
      'customerid',
      'customer',
      'client code',
      '客户ID',
      ...aliases,
    ],
    { required: true, maxLength: 50 },
  );
const note = f('note', 'text', '备注', 'Note', ['remark', 'remarks', 'comment', '说明'], { maxLength: 2000 });
const ref = f(
  'ref',
  'code',
  '外部编号',
  'External ID',
  ['external id', 'external code', 'ref', 'reference', '编号', 'id'],
  { maxLength: 100 },
);

const lifecycle = {
  target: ['目标客户', '目标', 'prospect'],
  intent: ['意向客户', '意向'],
  closed_new: ['成交·新客户', '新客户', '新成交', 'new'],
  closed_growing: ['成交·成长', '成长', 'growing'],
  closed_stable: ['成交·稳定', '稳定', 'stable'],
  closed_declining: ['成交·衰退', '衰退', 'declining'],
  churned: ['流失', '流失客户', 'churned', 'lost'],
};

export const entityFields: Readonly<Record<ImportEntity, readonly FieldSpec[]>> = {
  customers: [
    f(
      'code',
      'code',
      '客户编号',
      'Customer code',
      ['客户编码', '客户代码', '客户号', 'customer no', 'customer id', 'customerid', 'code', '编号'],
      { maxLength: 50 },
    ),
    f(
      'name',
      'text',
      '客户名称',
      'Customer name',
      ['公司名称', '企业名称', '单位名称', '客户', '名称', 'company', 'company name', 'name'],
      { required: true, maxLength: 200 },
    ),
    f('short_name', 'text', '简称', 'Short name', ['客户简称', 'abbreviation'], { maxLength: 100 }),
    f('type', 'dictionary', '客户类型', 'Customer type', ['类型', 'type'], { dictionary: 'customer_type' }),
    f('lifecycle_stage', 'enum', '生命周期', 'Lifecycle stage', ['阶段', '客户阶段', 'stage', 'lifecycle'], {
      values: lifecycle,
    }),
    f('owner', 'user', '客户经理', 'Account manager', [
      '负责人',
      '销售',
      '业务员',
      'owner',
      'sales rep',
      'rep',
    ]),
    f('province', 'text', '省份', 'Province', ['省', '地区', 'region', 'state'], { maxLength: 50 }),
    f('city', 'text', '城市', 'City', ['市'], { maxLength: 50 }),
    f('address', 'text', '地址', 'Address', ['详细地址', '公司地址'], { maxLength: 300 }),
    f('industry', 'dictionary', '行业', 'Industry', ['所属行业'], { dictionary: 'industry' }),
    f('nature', 'dictionary', '企业性质', 'Enterprise nature', ['性质', 'ownership', 'nature'], {
      dictionary: 'enterprise_nature',
    }),
    f('size_band', 'enum', '规模', 'Size band', ['企业规模', 'size'], {
      values: {
        micro: ['微型', '微'],
        small: ['小型', '小'],
        medium: ['中型', '中'],
        large: ['大型', '大'],
        xlarge: ['特大型', '超大型'],
      },
    }),
    f('headcount', 'integer', '员工人数', 'Headcount', ['人数', '员工数', 'employees']),
    f('registered_capital', 'money', '注册资本', 'Registered capital', ['注册资金', 'capital']),
    f('annual_revenue', 'money', '年营业额', 'Annual revenue', ['年收入', '营业收入', '年销售额', 'revenue']),
    f('legal_representative', 'text', '法人代表', 'Legal representative', ['法定代表人', '法人'], {
      maxLength: 50,
    }),
    f('phone', 'text', '电话', 'Phone', ['公司电话', '联系电话', 'tel', 'telephone'], { maxLength: 50 }),
    f('website', 'text', '网址', 'Website', ['网站', 'url', 'web'], { maxLength: 200 }),
    f('credit_limit', 'money', '信用额度', 'Credit limit', ['授信额度', 'credit']),
    f('payment_terms_days', 'integer', '账期天数', 'Payment terms (days)', [
      '账期',
      'payment terms',
      'terms',
    ]),
    f('source', 'dictionary', '客户来源', 'Source', ['来源', 'lead source'], { dictionary: 'source' }),
    f(
      'referred_by_code',
      'code',
      '推荐客户编号',
      'Referred by (customer code)',
      ['推荐客户', '推荐人', '转介绍人', '介绍人', 'referred by', 'referrer'],
      { maxLength: 50 },
    ),
    f('expected_close_date', 'date', '预计成交日期', 'Expected close date', ['预计成交', 'close date']),
    f('potential_demand', 'money', '潜在需求', 'Potential demand', ['潜在需求金额', 'potential']),
    f('share_of_wallet', 'ratio', '我方采购份额', 'Share of wallet', [
      '采购份额',
      '份额',
      '钱包份额',
      'share of wallet',
      'wallet share',
    ]),
    f('upcoming_purchase_volume', 'money', '未来采购量', 'Upcoming purchase volume', [
      '未来采购金额',
      '预计采购量',
      'upcoming volume',
      'upcoming purchases',
    ]),
  ],
  contacts: [
    customerCode(),
    f('name', 'text', '联系人', 'Contact name', ['联系人姓名', '姓名', 'contact', 'name'], {
      required: true,
      maxLength: 100,
    }),
    f('title', 'text', '职务', 'Title', ['职位', 'position', 'job title'], { maxLength: 100 }),
    f('department', 'text', '部门', 'Department', ['dept'], { maxLength: 100 }),
    f('buying_role', 'enum', '采购角色', 'Buying role', ['角色', 'role'], {
      values: {
        decision_maker: ['决策者', '决策人'],
        influencer: ['影响者'],
        supporter: ['支持者'],
        opponent: ['反对者'],
        user: ['使用者', '用户'],
        gatekeeper: ['把关者'],
      },
    }),
    f('phone', 'text', '手机', 'Mobile', ['手机号', '电话', '联系电话', 'phone', 'mobile phone', 'tel'], {
      maxLength: 50,
    }),
    f('email', 'text', '邮箱', 'Email', ['电子邮件', '邮件', 'e-mail', 'mail'], { maxLength: 200 }),
    f('wechat', 'text', '微信', 'WeChat', ['微信号'], { maxLength: 100 }),
    f('birthday', 'date', '生日', 'Birthday', ['出生日期', 'date of birth', 'dob']),
    f('gender', 'enum', '性别', 'Gender', ['sex'], { values: { male: ['男', 'm'], female: ['女', 'f'] } }),
    f('hometown', 'text', '籍贯', 'Hometown', ['家乡'], { maxLength: 100 }),
    f('school', 'text', '毕业院校', 'School', ['学校', '院校'], { maxLength: 100 }),
    f('interests', 'text', '兴趣爱好', 'Interests', ['爱好', 'hobbies'], { maxLength: 500 }),
    f('is_key', 'boolean', '关键联系人', 'Key contact', ['是否关键', 'key']),
    note,
    ref,
  ],
  relationships: [
    customerCode(),
    f(
      'related_code',
      'code',
      '关联客户编号',
      'Related customer code',
      ['对方客户编号', '关联客户', 'related customer', 'related code'],
      { required: true, maxLength: 50 },
    ),
    f('kind', 'enum', '关系类型', 'Relationship', ['关系', 'kind', 'relation'], {
      required: true,
      values: {
        upstream: ['上游供应商', '上游'],
        downstream: ['下游客户', '下游'],
        peer: ['同行'],
        partner: ['合作伙伴', '合作'],
        parent: ['母公司'],
        subsidiary: ['子公司'],
        referred: ['推荐', '转介绍', 'referred by'],
      },
    }),
    note,
  ],
  orders: [
    f(
      'order_no',
      'code',
      '订单号',
      'Order no',
      ['订单编号', '单号', '发票号', 'order number', 'order id', 'invoice', 'invoiceno', 'invoice no'],
      { required: true, maxLength: 50 },
    ),
    customerCode(),
    f(
      'order_date',
      'date',
      '成交日期',
      'Order date',
      ['订单日期', '下单日期', '日期', '签约日期', 'date', 'invoicedate', 'invoice date'],
      { required: true },
    ),
    f(
      'amount',
      'signed_money',
      '金额',
      'Amount',
      ['订单金额', '成交金额', '合同金额', 'total', 'order amount', 'sales'],
      {},
    ),
    f('cost', 'money', '成本', 'Cost', ['成本金额', 'cost of goods']),
    f('gross_profit', 'signed_money', '毛利', 'Gross profit', ['毛利润', '利润', 'profit', 'margin']),
    f('discount', 'money', '折扣', 'Discount', ['折让', '优惠']),
    f('currency', 'text', '币种', 'Currency', ['货币'], { maxLength: 3 }),
    f('status', 'enum', '订单状态', 'Status', ['状态'], {
      values: {
        confirmed: ['已确认', '确认'],
        completed: ['已完成', '完成'],
        cancelled: ['已取消', '取消', 'canceled'],
      },
    }),
    note,
    f(
      'product',
      'text',
      '产品',
      'Product',
      ['产品名称', '商品', '品名', 'description', 'item', 'stockcode'],
      { maxLength: 200 },
    ),
    f('quantity', 'quantity', '数量', 'Quantity', ['qty']),
    f('unit_price', 'price', '单价', 'Unit price', ['价格', 'price', 'unitprice']),
    f('line_amount', 'signed_money', '行金额', 'Line amount', ['明细金额', 'line total']),
    f('line_cost', 'money', '行成本', 'Line cost', ['明细成本']),
  ],
  payments: [
    customerCode(),
    f('order_no', 'code', '订单号', 'Order no', ['订单编号', 'order number', 'invoice'], { maxLength: 50 }),
    f('due_date', 'date', '应收日期', 'Due date', ['到期日', '应付日期', '应回款日期', 'due'], {
      required: true,
    }),
    f('paid_date', 'date', '回款日期', 'Paid date', [
      '实际回款日期',
      '付款日期',
      '收款日期',
      'paid',
      'payment date',
    ]),
    f('amount', 'money', '回款金额', 'Amount', ['金额', '应收金额', 'payment amount'], { required: true }),
    note,
    ref,
  ],
  activities: [
    customerCode(),
    f('kind', 'enum', '跟进方式', 'Kind', ['方式', '类型', 'type', 'channel'], {
      required: true,
      values: {
        visit: ['拜访', '上门'],
        call: ['电话', '致电'],
        email: ['邮件', '电子邮件'],
        sms: ['短信'],
        wechat: ['微信'],
        meeting: ['会议', '会面'],
        other: ['其他'],
      },
    }),
    f('at', 'datetime', '跟进时间', 'Time', ['时间', '日期', '跟进日期', 'date', 'when'], { required: true }),
    f('subject', 'text', '主题', 'Subject', ['内容', '跟进内容', 'title', 'summary'], {
      required: true,
      maxLength: 200,
    }),
    f('user', 'user', '跟进人', 'By', ['负责人', '销售', 'owner', 'user', 'rep']),
    f('next_action_at', 'datetime', '下次跟进', 'Next action', ['下次跟进时间', 'next', 'follow up']),
    note,
    ref,
  ],
};

export function fieldsOf(entity: ImportEntity): readonly FieldSpec[] {
  return entityFields[entity];
}

/** Header text compared loosely: half-width, lower case, no spaces, brackets or punctuation. */
export function headerKey(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .toLowerCase()
    .replace(/[\s_\-.:：()（）*＊[\]【】/]/g, '');
}
