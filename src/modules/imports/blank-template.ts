import type { Writable } from 'node:stream';
import type { Locale } from '../../server/messages.js';
import { fieldsOf, type ImportEntity } from './fields.js';
import { XlsxWriter, type XlsxCell } from './formats/xlsx-writer.js';

/** Example rows per entity, by field key: values in the forms the import accepts, for the user to overwrite. */
const examples: Readonly<Record<ImportEntity, readonly Readonly<Record<string, XlsxCell>>[]>> = {
  customers: [
    {
      code: 'C0001',
      name: '上海华东机械有限公司',
      short_name: '华东机械',
      lifecycle_stage: '成交·新客户',
      province: '上海市',
      city: '上海市',
      size_band: '中型',
      headcount: 320,
      registered_capital: '500万',
      annual_revenue: '¥32,000,000',
      phone: '021-55550001',
      payment_terms_days: 30,
      share_of_wallet: '35%',
      upcoming_purchase_volume: '120万',
    },
    {
      code: 'C0002',
      name: '广州南方贸易有限公司',
      lifecycle_stage: '意向客户',
      province: '广东省',
      city: '广州市',
      referred_by_code: 'C0001',
    },
  ],
  contacts: [
    {
      customer_code: 'C0001',
      name: '王建国',
      title: '采购总监',
      buying_role: '决策者',
      phone: '13800000001',
      birthday: { date: '1978-05-20' },
      gender: '男',
      is_key: '是',
    },
  ],
  relationships: [{ customer_code: 'C0001', related_code: 'C0002', kind: '下游客户' }],
  orders: [
    {
      order_no: 'SO-2024-0001',
      customer_code: 'C0001',
      order_date: { date: '2024-03-05' },
      amount: '12,800.00',
      cost: 9600,
      status: '已完成',
    },
    { order_no: 'SO-2024-0002', customer_code: 'C0002', order_date: { date: '2024-03-18' }, amount: '3.5万' },
  ],
  payments: [
    {
      customer_code: 'C0001',
      order_no: 'SO-2024-0001',
      due_date: { date: '2024-04-04' },
      paid_date: { date: '2024-04-10' },
      amount: 12800,
    },
  ],
  activities: [
    {
      customer_code: 'C0001',
      kind: '拜访',
      at: { date: '2024-03-01 10:00:00' },
      subject: '季度回访',
      next_action_at: { date: '2024-06-01 10:00:00' },
    },
  ],
};

/** A file maps order lines or whole orders; the blank orders template is the one-row-per-order layout. */
const lineFields = new Set(['product', 'quantity', 'unit_price', 'line_amount', 'line_cost']);

/**
 * A blank workbook for one entity: a header row in the user's language (required fields marked *, which the header
 * matching ignores) and example rows; the file imports as it is.
 */
export async function writeBlankTemplate(
  entity: ImportEntity,
  locale: Locale,
  output: Writable,
): Promise<void> {
  const fields = fieldsOf(entity).filter((field) => entity !== 'orders' || !lineFields.has(field.key));
  const header = fields.map((field) => `${field.label[locale]}${field.required ? '*' : ''}`);
  const rows = examples[entity].map((example) => fields.map((field) => example[field.key] ?? null));
  const book = new XlsxWriter(output);
  await book.sheet(entity, [header, ...rows], { widths: fields.map(() => 16) });
  await book.finish();
}
