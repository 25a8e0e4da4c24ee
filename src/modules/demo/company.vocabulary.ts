/** Words Chinese industrial companies are named with, and what an industrial-equipment distributor sells. */

/** Brand syllables with pinyin; a brand is two distinct syllables (恒瑞, 华达). */
export const brandChars: ReadonlyArray<readonly [string, string]> = [
  ['恒', 'heng'],
  ['瑞', 'rui'],
  ['华', 'hua'],
  ['达', 'da'],
  ['鑫', 'xin'],
  ['盛', 'sheng'],
  ['宏', 'hong'],
  ['远', 'yuan'],
  ['泰', 'tai'],
  ['丰', 'feng'],
  ['源', 'yuan'],
  ['力', 'li'],
  ['博', 'bo'],
  ['昌', 'chang'],
  ['隆', 'long'],
  ['兴', 'xing'],
  ['通', 'tong'],
  ['安', 'an'],
  ['德', 'de'],
  ['正', 'zheng'],
  ['天', 'tian'],
  ['海', 'hai'],
  ['金', 'jin'],
  ['宇', 'yu'],
  ['新', 'xin'],
  ['亿', 'yi'],
  ['嘉', 'jia'],
  ['凯', 'kai'],
  ['利', 'li'],
  ['捷', 'jie'],
  ['诚', 'cheng'],
  ['信', 'xin'],
  ['永', 'yong'],
  ['长', 'chang'],
  ['卓', 'zhuo'],
  ['越', 'yue'],
  ['明', 'ming'],
  ['辉', 'hui'],
  ['光', 'guang'],
  ['中', 'zhong'],
  ['联', 'lian'],
  ['众', 'zhong'],
  ['汇', 'hui'],
  ['科', 'ke'],
  ['创', 'chuang'],
  ['元', 'yuan'],
  ['晟', 'sheng'],
  ['锦', 'jin'],
  ['润', 'run'],
  ['浩', 'hao'],
  ['峰', 'feng'],
  ['东', 'dong'],
  ['方', 'fang'],
  ['坤', 'kun'],
  ['鼎', 'ding'],
  ['骏', 'jun'],
  ['腾', 'teng'],
  ['威', 'wei'],
  ['奥', 'ao'],
  ['铭', 'ming'],
];

export interface IndustryProfile {
  readonly code: string;
  /** Share of a distributor's customer base. */
  readonly weight: number;
  /** The business words in a company name: 机械制造, 电力设备. */
  readonly words: readonly string[];
  /** Typical gross margin the distributor earns selling into this industry. */
  readonly margin: number;
}

export const industries: readonly IndustryProfile[] = [
  {
    code: 'manufacturing',
    weight: 30,
    words: ['机械制造', '精密机械', '重工机械', '装备制造', '机床'],
    margin: 0.2,
  },
  { code: 'construction', weight: 8, words: ['建设工程', '建工集团', '路桥工程', '建材'], margin: 0.16 },
  { code: 'energy', weight: 7, words: ['电力设备', '新能源', '热电', '能源科技'], margin: 0.18 },
  { code: 'mining', weight: 5, words: ['矿业', '冶金', '钢铁', '有色金属'], margin: 0.15 },
  { code: 'chemicals', weight: 7, words: ['化工', '石化', '新材料', '精细化工'], margin: 0.19 },
  { code: 'automotive', weight: 8, words: ['汽车零部件', '汽车配件', '车桥', '汽配'], margin: 0.17 },
  { code: 'food', weight: 5, words: ['食品', '饮料', '乳业', '粮油'], margin: 0.22 },
  { code: 'logistics', weight: 4, words: ['物流', '港务', '仓储', '运输'], margin: 0.2 },
  { code: 'utilities', weight: 4, words: ['水务', '环保科技', '污水处理', '环境工程'], margin: 0.21 },
  { code: 'electronics', weight: 8, words: ['电子', '电气', '自动化', '智能科技'], margin: 0.23 },
  { code: 'agriculture', weight: 2, words: ['农业科技', '农机', '饲料'], margin: 0.2 },
  { code: 'trading', weight: 8, words: ['机电设备', '工贸', '五金机电', '贸易'], margin: 0.12 },
  { code: 'retail', weight: 1, words: ['商贸', '连锁'], margin: 0.14 },
  { code: 'other', weight: 3, words: ['实业', '科技', '发展'], margin: 0.2 },
];
export const industryWeights = industries.map((industry) => industry.weight);

export interface Product {
  readonly name: string;
  /** List price in cents. */
  readonly unitPrice: number;
}

export const products: readonly Product[] = [
  { name: '变频器 ACS580-30kW', unitPrice: 1_280_000 },
  { name: '变频器 G120-7.5kW', unitPrice: 486_000 },
  { name: '伺服电机 1FK7 套装', unitPrice: 1_650_000 },
  { name: 'PLC S7-1200 CPU1214C', unitPrice: 298_000 },
  { name: 'PLC S7-1500 CPU1515', unitPrice: 2_350_000 },
  { name: '触摸屏 KTP700', unitPrice: 415_000 },
  { name: '三相异步电机 YE3-55kW', unitPrice: 1_520_000 },
  { name: '三相异步电机 YE3-11kW', unitPrice: 368_000 },
  { name: '齿轮减速机 R97', unitPrice: 960_000 },
  { name: '行星减速机 PF120', unitPrice: 286_000 },
  { name: '螺杆空压机 37kW', unitPrice: 5_800_000 },
  { name: '螺杆空压机 75kW', unitPrice: 11_200_000 },
  { name: '冷干机 AD-10', unitPrice: 820_000 },
  { name: '离心泵 IS100-65', unitPrice: 650_000 },
  { name: '多级离心泵 CDL32', unitPrice: 1_480_000 },
  { name: '隔膜计量泵 GM0500', unitPrice: 920_000 },
  { name: '电动葫芦 5t', unitPrice: 1_180_000 },
  { name: '桥式起重机 16t', unitPrice: 28_600_000 },
  { name: '叉车 3t 柴油', unitPrice: 13_800_000 },
  { name: '调节阀 DN100', unitPrice: 780_000 },
  { name: '电磁阀 DN25', unitPrice: 68_000 },
  { name: '深沟球轴承 6312', unitPrice: 26_000 },
  { name: '圆锥滚子轴承 32220', unitPrice: 84_000 },
  { name: '同步带 HTD-8M', unitPrice: 12_500 },
  { name: '低压断路器 NSX250', unitPrice: 356_000 },
  { name: '交流接触器 LC1D80', unitPrice: 98_000 },
  { name: '低压开关柜 GCS', unitPrice: 6_800_000 },
  { name: '电力变压器 SCB13-1000kVA', unitPrice: 19_800_000 },
  { name: '工业机器人 六轴 20kg', unitPrice: 23_500_000 },
  { name: '激光切割机 6kW', unitPrice: 68_000_000 },
  { name: '数控车床 CK6150', unitPrice: 21_500_000 },
  { name: '液压站 定制', unitPrice: 3_600_000 },
  { name: '压力变送器 3051', unitPrice: 560_000 },
  { name: '电磁流量计 DN80', unitPrice: 720_000 },
  { name: '工业除尘器 布袋式', unitPrice: 9_600_000 },
  { name: '备品备件包', unitPrice: 150_000 },
  { name: '设备安装调试服务', unitPrice: 800_000 },
  { name: '年度维保服务', unitPrice: 3_000_000 },
];

export const industryPositions = ['行业龙头', '区域领先', '细分领域专精', '中等规模', '小型企业'];

export const tagPool = [
  '重点关注',
  '老客户',
  '价格敏感',
  '付款及时',
  '账期长',
  '项目型',
  '年度框架协议',
  '招投标',
  '技术导向',
  '有扩产计划',
  '竞品在用',
  '集团客户',
  '上市公司',
  '专精特新',
  '高新技术企业',
  '外资背景',
];

export const activitySubjects: Readonly<Record<string, readonly string[]>> = {
  visit: ['季度拜访', '设备运行回访', '新项目现场勘察', '高层拜访', '售后巡检'],
  call: ['报价跟进', '回款提醒', '交期确认', '需求了解', '电话回访'],
  email: ['发送报价单', '发送技术方案', '合同条款确认', '发送对账单'],
  sms: ['发货通知', '节日问候', '会议提醒'],
  wechat: ['产品资料分享', '微信沟通需求', '节日问候', '售后问题处理'],
  meeting: ['技术交流会', '年度合作洽谈', '项目启动会', '方案评审会'],
};
