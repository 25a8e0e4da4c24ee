import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { listCustomerViews, type CustomerViewRow } from '../customers/customer.repository.js';
import type { CustomerListFilter } from '../customers/customer.schema.js';
import { fieldsOf } from '../imports/fields.js';
import type { Locale } from '../../server/messages.js';
import { activeModels, currentGrades } from './export.repository.js';
import { keysetPages } from './keyset-pages.js';
import { dateCell, label, moneyCell, timestampText, type Label } from './labels.js';
import type { ExportCell, ExportTable } from './table-output.js';

const PAGE = 1000;

const importLabel = (key: string): Label => {
  const field = fieldsOf('customers').find((f) => f.key === key);
  return field ? field.label : label(key, key);
};

/** Enum values as the import reads them back: the Chinese label in zh-CN, the code in en-US. */
function enumText(key: string, code: string | null, locale: Locale): string | null {
  if (code === null) return null;
  if (locale === 'en-US') return code;
  return fieldsOf('customers').find((f) => f.key === key)?.values?.[code]?.[0] ?? code;
}

/**
 * Columns named as the customer import names its fields, so an exported list can be edited in Excel and imported
 * back; then the figures of the customer's state and the current grade and score in every active model.
 */
const columns: readonly {
  readonly label: Label;
  readonly cell: (row: CustomerViewRow, locale: Locale) => ExportCell;
}[] = [
  { label: importLabel('code'), cell: (r) => r.code },
  { label: importLabel('name'), cell: (r) => r.name },
  { label: importLabel('short_name'), cell: (r) => r.short_name },
  { label: importLabel('type'), cell: (r) => r.type },
  {
    label: importLabel('lifecycle_stage'),
    cell: (r, l) => enumText('lifecycle_stage', r.lifecycle_stage, l),
  },
  { label: importLabel('owner'), cell: (r) => r.owner_name },
  { label: label('团队', 'Team'), cell: (r) => r.team_name },
  { label: importLabel('province'), cell: (r) => r.province },
  { label: importLabel('city'), cell: (r) => r.city },
  { label: importLabel('industry'), cell: (r) => r.industry },
  { label: importLabel('nature'), cell: (r) => r.nature },
  { label: importLabel('size_band'), cell: (r, l) => enumText('size_band', r.size_band, l) },
  { label: importLabel('phone'), cell: (r) => r.phone },
  { label: label('订单数', 'Orders'), cell: (r) => r.state_order_count ?? 0 },
  { label: label('累计销售额', 'Sales'), cell: (r) => moneyCell(r.state_amount ?? '0.00') },
  { label: label('累计毛利', 'Gross profit'), cell: (r) => moneyCell(r.state_profit) },
  { label: label('首次成交', 'First order'), cell: (r) => dateCell(r.state_first_order) },
  { label: label('最近成交', 'Last order'), cell: (r) => dateCell(r.state_last_order) },
  { label: label('未回款', 'Unpaid'), cell: (r) => moneyCell(r.state_unpaid_amount) },
  { label: label('最近联系', 'Last contact'), cell: (r) => dateCell(r.state_last_contact) },
  { label: label('创建时间', 'Created'), cell: (r) => timestampText(r.created_at) },
];

export type CustomerExportFilter = Omit<CustomerListFilter, 'limit' | 'cursor'>;

/** The customer list exactly as the list API filters and scopes it, in its sort order, read in keyset pages. */
export async function customersTable(
  db: Db,
  actor: Actor,
  filter: CustomerExportFilter,
  locale: Locale,
): Promise<ExportTable> {
  const models = await activeModels(db);
  const header = [
    ...columns.map((column) => column.label[locale]),
    ...models.flatMap((model) => [
      `${model.name[locale]} ${locale === 'zh-CN' ? '等级' : 'grade'}`,
      `${model.name[locale]} ${locale === 'zh-CN' ? '得分' : 'score'}`,
    ]),
  ];
  const modelIds = models.map((model) => model.id);
  async function* rows(): AsyncGenerator<ExportCell[]> {
    const pages = keysetPages(
      (cursor, limit) => listCustomerViews(db, actor, { ...filter, limit } as CustomerListFilter, cursor),
      PAGE,
    );
    for await (const items of pages) {
      const grades = await currentGrades(
        db,
        items.map((row) => row.id),
        modelIds,
      );
      const byCustomer = new Map<string, (typeof grades)[number]>();
      for (const grade of grades) byCustomer.set(`${grade.customer_id}:${grade.model_id}`, grade);
      for (const row of items) {
        yield [
          ...columns.map((column) => column.cell(row, locale)),
          ...modelIds.flatMap((modelId) => {
            const grade = byCustomer.get(`${row.id}:${modelId}`);
            return [grade?.grade_code ?? null, grade?.score ?? null];
          }),
        ];
      }
    }
  }
  return { sheet: locale === 'zh-CN' ? '客户' : 'Customers', header, rows: rows() };
}
