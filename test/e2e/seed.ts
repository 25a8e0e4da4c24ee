import type { Client, TestPeople } from '../../src/testing/test-app.js';

/** What the browser test looks for: one of rep.east1's customers, and a customer of another rep. */
export interface SeededCustomers {
  searched: { id: number; name: string; contacts: string[] };
  otherReps: { id: number; name: string };
  ownCount: number;
}

async function post(client: Client, path: string, body: unknown): Promise<{ id: number }> {
  const response = await client('POST', path, body);
  if (response.status !== 201) throw new Error(`POST ${path} → ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: number };
}

const ownCustomers = [
  [
    '苏州精工机械有限公司',
    '精工机械',
    'closed_growing',
    '江苏省',
    '苏州市',
    'manufacturing',
    'private',
    'large',
  ],
  ['杭州恒通物流有限公司', '恒通物流', 'closed_stable', '浙江省', '杭州市', 'logistics', 'private', 'medium'],
  ['上海浦江能源集团', '浦江能源', 'closed_new', '上海市', '上海市', 'energy', 'state_owned', 'xlarge'],
  ['宁波海天化工有限公司', '海天化工', 'intent', '浙江省', '宁波市', 'chemicals', 'joint_venture', 'medium'],
  ['合肥星辰电子科技有限公司', '星辰电子', 'target', '安徽省', '合肥市', 'electronics', 'private', 'small'],
  [
    '无锡远航汽车零部件有限公司',
    '远航汽配',
    'closed_declining',
    '江苏省',
    '无锡市',
    'automotive',
    'foreign',
    'large',
  ],
] as const;

/** Customers, contacts, orders, payments and an activity, written through the API as the admin would. */
export async function seedCustomers(admin: Client, people: TestPeople): Promise<SeededCustomers> {
  const ids: number[] = [];
  for (const [
    index,
    [name, shortName, stage, province, city, industry, nature, sizeBand],
  ] of ownCustomers.entries()) {
    const customer = await post(admin, '/api/customers', {
      name,
      shortName,
      lifecycleStage: stage,
      province,
      city,
      industry,
      nature,
      sizeBand,
      ownerId: people.repEast1,
      teamId: people.teamEast,
      headcount: 120 * (index + 1),
      registeredCapital: '5000000.00',
      creditLimit: '800000.00',
      paymentTermsDays: 60,
      legalRepresentative: '周建国',
      phone: '0512-6688' + String(1000 + index),
      tags: index === 0 ? ['重点客户', '年度框架协议'] : [],
    });
    ids.push(customer.id);
    for (let order = 0; order < index + 2; order += 1)
      await post(admin, '/api/orders', {
        customerId: customer.id,
        orderNo: `SO-${customer.id}-${order + 1}`,
        orderDate: `2025-0${order + 1}-15`,
        amount: (1_234_567.89 / (index + 1) + order * 10_000).toFixed(2),
        cost: (800_000 / (index + 1)).toFixed(2),
      });
  }
  const searchedId = ids[0] ?? 0;
  const contacts = [
    { name: '王志强', title: '总经理', buyingRole: 'decision_maker', isKey: true, birthday: '1972-08-16' },
    { name: '刘芳', title: '采购经理', buyingRole: 'influencer', birthday: '1985-03-02' },
    { name: '陈伟', title: '设备主管', buyingRole: 'user' },
  ];
  for (const contact of contacts)
    await post(admin, '/api/contacts', { customerId: searchedId, phone: '13800138000', ...contact });
  await post(admin, '/api/payments', {
    customerId: searchedId,
    dueDate: '2025-03-15',
    paidDate: '2025-04-20',
    amount: '600000.00',
  });
  await post(admin, '/api/activities', {
    customerId: searchedId,
    kind: 'visit',
    at: '2025-05-08T10:00:00+08:00',
    subject: '年度设备更新方案沟通',
  });
  const other = await post(admin, '/api/customers', {
    name: '南京华瑞电气有限公司',
    ownerId: people.repEast2,
    teamId: people.teamEast,
  });
  return {
    searched: { id: searchedId, name: ownCustomers[0][0], contacts: contacts.map((contact) => contact.name) },
    otherReps: { id: other.id, name: '南京华瑞电气有限公司' },
    ownCount: ownCustomers.length,
  };
}
