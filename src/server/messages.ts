/** Every message a person reads from the API, in both languages the product speaks. */
export type Locale = 'zh-CN' | 'en-US';

export interface Bilingual {
  readonly 'zh-CN': string;
  readonly 'en-US': string;
}

export const errorMessages = {
  VALIDATION_FAILED: {
    'zh-CN': '输入有误，请检查标出的字段',
    'en-US': 'The input is invalid; see the fields listed',
  },
  MALFORMED_JSON: { 'zh-CN': '请求体不是有效的 JSON', 'en-US': 'The request body is not valid JSON' },
  PAYLOAD_TOO_LARGE: { 'zh-CN': '请求体过大', 'en-US': 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: {
    'zh-CN': '请求体必须是 application/json',
    'en-US': 'The request body must be application/json',
  },
  UNAUTHENTICATED: { 'zh-CN': '请先登录', 'en-US': 'Please log in' },
  INVALID_CREDENTIALS: { 'zh-CN': '账号或密码错误', 'en-US': 'Wrong login or password' },
  TOO_MANY_ATTEMPTS: {
    'zh-CN': '登录尝试过多，请稍后再试',
    'en-US': 'Too many login attempts; please try again later',
  },
  FORBIDDEN: { 'zh-CN': '没有执行此操作的权限', 'en-US': 'You are not allowed to do this' },
  NOT_FOUND: { 'zh-CN': '记录不存在', 'en-US': 'Not found' },
  DUPLICATE: { 'zh-CN': '记录已存在', 'en-US': 'A record with this value already exists' },
  CONFLICT: { 'zh-CN': '操作与现有数据冲突', 'en-US': 'The change conflicts with existing data' },
  INTERNAL: { 'zh-CN': '服务器内部错误', 'en-US': 'Internal server error' },
} as const satisfies Record<string, Bilingual>;

export type ErrorCode = keyof typeof errorMessages;

/** Reasons attached to a single field, shown next to the field in forms and in import reports. */
export const fieldMessages = {
  required: { 'zh-CN': '必填', 'en-US': 'is required' },
  invalid_type: { 'zh-CN': '类型不正确', 'en-US': 'has the wrong type' },
  invalid_value: { 'zh-CN': '不是允许的取值', 'en-US': 'is not one of the allowed values' },
  too_long: { 'zh-CN': '过长', 'en-US': 'is too long' },
  too_short: { 'zh-CN': '过短', 'en-US': 'is too short' },
  too_big: { 'zh-CN': '过大', 'en-US': 'is too large' },
  too_small: { 'zh-CN': '过小', 'en-US': 'is too small' },
  negative: { 'zh-CN': '不能为负数', 'en-US': 'must not be negative' },
  invalid_format: { 'zh-CN': '格式不正确', 'en-US': 'has an invalid format' },
  unknown_sheet: { 'zh-CN': '不是文件中的工作表', 'en-US': 'is not a sheet of the workbook' },
  unrecognized_keys: { 'zh-CN': '包含未知字段', 'en-US': 'contains unknown fields' },
  unknown_customer: { 'zh-CN': '客户不存在', 'en-US': 'refers to an unknown customer' },
  unknown_reference: { 'zh-CN': '引用的记录不存在', 'en-US': 'refers to a record that does not exist' },
  unknown_code: { 'zh-CN': '不是已定义的代码', 'en-US': 'is not a defined code' },
  fixed_by_outcome: {
    'zh-CN': '由阶段结果决定：赢单为 100%，丢单为 0%',
    'en-US': "is set by the stage's outcome: 100% when won, 0% when lost",
  },
  due_before_order: { 'zh-CN': '应收日期早于订单日期', 'en-US': 'is before the order date' },
  paid_before_order: { 'zh-CN': '回款日期早于订单日期', 'en-US': 'is before the order date' },
  duplicate: { 'zh-CN': '已被使用', 'en-US': 'is already in use' },
  not_in_team: { 'zh-CN': '不属于本团队', 'en-US': 'is not in your team' },
  self_reference: { 'zh-CN': '不能指向自身', 'en-US': 'must not refer to the record itself' },
  already_paid: { 'zh-CN': '该笔回款已登记为已收', 'en-US': 'is already recorded as paid' },
  after_today: { 'zh-CN': '不能晚于今天', 'en-US': 'must not be after today' },
  exceeds_payment: { 'zh-CN': '超过该笔应收的金额', 'en-US': 'is more than the payment asks for' },
  not_in_merge: { 'zh-CN': '不是参与合并的客户', 'en-US': 'is not one of the customers being merged' },
  invalid: { 'zh-CN': '无效', 'en-US': 'is invalid' },
  immutable: { 'zh-CN': '创建后不可修改', 'en-US': 'cannot be changed after creation' },
  lines_mismatch: { 'zh-CN': '与明细金额合计不符', 'en-US': 'does not equal the sum of the lines' },
  profit_mismatch: { 'zh-CN': '不等于金额减成本', 'en-US': 'does not equal amount minus cost' },
  own_account: { 'zh-CN': '不能停用自己的账号', 'en-US': 'cannot deactivate your own account' },
  in_use: { 'zh-CN': '仍在使用中', 'en-US': 'is still in use' },
  after_payments: {
    'zh-CN': '晚于其回款的应收或回款日期',
    'en-US': 'is after the due or paid date of its payments',
  },
  invalid_date: { 'zh-CN': '不是可识别的日期', 'en-US': 'is not a recognisable date' },
  invalid_amount: { 'zh-CN': '不是有效的金额或数值', 'en-US': 'is not a valid amount or number' },
  share_above_one: {
    'zh-CN': '份额应在 0 到 1 之间（或 0% 到 100%）',
    'en-US': 'must be a share between 0 and 1 (or 0% and 100%)',
  },
  invalid_integer: { 'zh-CN': '不是有效的整数', 'en-US': 'is not a valid whole number' },
  invalid_boolean: { 'zh-CN': '应为 是/否', 'en-US': 'should be yes or no' },
  unknown_user: { 'zh-CN': '不是系统中的用户', 'en-US': 'is not a user of the system' },
  unknown_order: { 'zh-CN': '该客户没有此订单号', 'en-US': 'is not an order of this customer' },
  within_received: {
    'zh-CN': '不大于该笔回款已登记到账的部分之和',
    'en-US': 'is not more than the parts of this payment already recorded as received',
  },
  duplicate_in_file: { 'zh-CN': '在文件中重复出现', 'en-US': 'appears more than once in the file' },
  duplicate_company_in_file: {
    'zh-CN': '与文件中前面的客户是同一家公司（名称规范化后相同）',
    'en-US': 'is the same company as an earlier row (same name once normalised)',
  },
  duplicate_company: {
    'zh-CN': '与已有客户是同一家公司（名称规范化后相同）',
    'en-US': 'is the same company as an existing customer (same name once normalised)',
  },
  out_of_scope: { 'zh-CN': '不在您的数据范围内', 'en-US': 'is outside your data scope' },
  no_purchases: { 'zh-CN': '此日期之前没有任何购买', 'en-US': 'has no purchases on or before it' },
  pool_owned_limit: {
    'zh-CN': '已达到可拥有客户数上限，无法再领取',
    'en-US': 'cannot be claimed: you already own as many customers as allowed',
  },
  pool_daily_limit: {
    'zh-CN': '今日领取次数已达上限',
    'en-US': "cannot be claimed: you have reached today's claim limit",
  },
  pool_reclaim_blocked: {
    'zh-CN': '该客户由您释放或从您处收回不久，暂不能再次领取',
    'en-US': 'cannot be claimed yet: it left you for the pool too recently',
  },
  not_owned: { 'zh-CN': '客户当前没有负责人', 'en-US': 'has no owner to release it from' },
  not_after_today: { 'zh-CN': '必须晚于今天', 'en-US': 'must be after today' },
  after_period_end: { 'zh-CN': '晚于结束日期', 'en-US': 'is after the end of the period' },
  inconsistent_order: {
    'zh-CN': '与同一订单号的第一行不一致',
    'en-US': 'differs from the first row of the same order',
  },
  order_of_other_customer: {
    'zh-CN': '订单号已属于其他客户',
    'en-US': 'is already the order number of another customer',
  },
  unknown_grade: { 'zh-CN': '不是该分级模型的等级', 'en-US': "is not a grade of the model's ladder" },
  missing_grade: {
    'zh-CN': '未覆盖分级模型的全部等级',
    'en-US': "does not give a rule for every grade of the model's ladder",
  },
  mode_mismatch: {
    'zh-CN': '与客户经理配置方式不符（专属为 1:1，共享需填人数，渠道/公海不填人数和级别）',
    'en-US':
      'does not fit the manager mode (dedicated is 1:1, shared needs N, channel/pool take neither N nor level)',
  },
  level_below_required: {
    'zh-CN': '级别低于该等级要求',
    'en-US': "is below the level the customer's grade requires",
  },
  over_capacity: { 'zh-CN': '接手后将超出负荷', 'en-US': 'would be over capacity after the move' },
  already_compliant: {
    'zh-CN': '该客户符合政策，无需调整',
    'en-US': 'already meets its policy and is not moved',
  },
  unknown_merge_field: { 'zh-CN': '不是可用的合并字段', 'en-US': 'is not a known merge field' },
  no_channel: {
    'zh-CN': '未配置可用的发送渠道，请导出草稿',
    'en-US': 'has no configured channel; export the drafts instead',
  },
} as const satisfies Record<string, Bilingual>;

export type FieldReason = keyof typeof fieldMessages;

export function pickLocale(acceptLanguage: string | undefined | null): Locale {
  if (!acceptLanguage) return 'zh-CN';
  const preferred = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=');
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of preferred) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en-US';
  }
  return 'zh-CN';
}
