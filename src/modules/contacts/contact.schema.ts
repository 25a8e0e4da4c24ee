import { z } from '@hono/zod-openapi';
import { PageQuery, isoDate, optionalText, text } from '../../server/schema-common.js';

export const buyingRoles = [
  'decision_maker',
  'influencer',
  'supporter',
  'opponent',
  'user',
  'gatekeeper',
] as const;
export const genders = ['male', 'female'] as const;

const contactFields = {
  customerId: z.number().int().positive(),
  name: text(100),
  title: optionalText(100),
  department: optionalText(100),
  buyingRole: z.enum(buyingRoles).nullable().optional(),
  phone: optionalText(50),
  email: z.string().trim().max(200).email().nullable().optional(),
  wechat: optionalText(100),
  birthday: isoDate.nullable().optional(),
  gender: z.enum(genders).nullable().optional(),
  hometown: optionalText(100),
  school: optionalText(100),
  interests: optionalText(500),
  isKey: z.boolean().optional(),
  note: optionalText(2000),
};

export const ContactCreate = z.object(contactFields).strict().openapi('ContactCreate');
export const ContactUpdate = z
  .object({ ...contactFields, customerId: contactFields.customerId.optional(), name: text(100).optional() })
  .strict()
  .openapi('ContactUpdate');
export type ContactCreateInput = z.output<typeof ContactCreate>;
export type ContactUpdateInput = z.output<typeof ContactUpdate>;

export const ContactListQuery = PageQuery.extend({
  customerId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(100).optional(),
});
export type ContactListFilter = z.output<typeof ContactListQuery>;

const nullableString = z.string().nullable();

export const ContactResponse = z
  .object({
    id: z.number().int(),
    customerId: z.number().int(),
    customerName: z.string(),
    name: z.string(),
    title: nullableString,
    department: nullableString,
    buyingRole: z.enum(buyingRoles).nullable(),
    phone: nullableString,
    email: nullableString,
    wechat: nullableString,
    birthday: nullableString,
    gender: z.enum(genders).nullable(),
    hometown: nullableString,
    school: nullableString,
    interests: nullableString,
    isKey: z.boolean(),
    note: nullableString,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Contact');
export type ContactView = z.infer<typeof ContactResponse>;

export const ContactList = z.object({ items: z.array(ContactResponse) }).openapi('ContactList');
export const ContactPage = z
  .object({ items: z.array(ContactResponse), total: z.number().int(), nextCursor: z.string().nullable() })
  .openapi('ContactPage');
