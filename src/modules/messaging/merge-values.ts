import type { Locale } from '../../server/messages.js';
import type { RecipientRow } from './messaging.repository.js';
import type { MergeValues } from './render.js';

/** What a template editor previews with: a plausible recipient in the template's language. */
export function sampleValues(locale: Locale, holiday: string | undefined, today: string): MergeValues {
  const zh = locale === 'zh-CN';
  return {
    'contact.name': zh ? '王芳' : 'Emma Wang',
    'contact.title': zh ? '采购总监' : 'Head of Purchasing',
    'customer.name': zh ? '江苏恒瑞机械制造有限公司' : 'Hengrui Machinery Co., Ltd.',
    'customer.shortName': zh ? '恒瑞机械' : 'Hengrui',
    grade: zh ? '关键客户' : 'Key account',
    lastProduct: zh ? '高压柱塞泵' : 'High-pressure plunger pump',
    'owner.name': zh ? '张三' : 'Zhang San',
    'owner.phone': '138 0000 0000',
    'owner.email': 'zhangsan@example.com',
    holiday: holiday || (zh ? '中秋节' : 'Mid-Autumn Festival'),
    today,
  };
}

/** The merge values of one recipient row; absent values stay absent so the renderer can warn about them. */
export function recipientValues(
  row: RecipientRow,
  context: { readonly gradeName: string | null; readonly holiday: string | null; readonly today: string },
): MergeValues {
  return {
    'contact.name': row.contact_name,
    'contact.title': row.contact_title,
    'customer.name': row.customer_name,
    'customer.shortName': row.short_name ?? row.customer_name,
    grade: context.gradeName,
    lastProduct: row.last_product,
    'owner.name': row.owner_name,
    'owner.phone': row.owner_phone,
    'owner.email': row.owner_email,
    holiday: context.holiday,
    today: context.today,
  };
}
