/** The closed value lists of the API whose labels live in the translation files under `enum.<list>.<value>`. */
export const enums = {
  lifecycle: [
    'target',
    'intent',
    'closed_new',
    'closed_growing',
    'closed_stable',
    'closed_declining',
    'churned',
  ],
  sizeBand: ['micro', 'small', 'medium', 'large', 'xlarge'],
  buyingRole: ['decision_maker', 'influencer', 'supporter', 'opponent', 'user', 'gatekeeper'],
  gender: ['male', 'female'],
  activityKind: ['visit', 'call', 'email', 'sms', 'wechat', 'meeting', 'other'],
  relationshipKind: ['upstream', 'downstream', 'peer', 'partner', 'parent', 'subsidiary', 'referred'],
  direction: ['outgoing', 'incoming'],
  orderStatus: ['confirmed', 'completed', 'cancelled'],
  role: ['admin', 'manager', 'rep'],
  auditAction: ['create', 'update', 'delete'],
  importEntity: ['customers', 'contacts', 'relationships', 'orders', 'payments', 'activities'],
} as const;

export type EnumList = keyof typeof enums;
export type EnumValue<K extends EnumList> = (typeof enums)[K][number];
export type LifecycleStage = EnumValue<'lifecycle'>;
export type SizeBand = EnumValue<'sizeBand'>;
export type BuyingRole = EnumValue<'buyingRole'>;
export type ActivityKind = EnumValue<'activityKind'>;
export type RelationshipKind = EnumValue<'relationshipKind'>;
export type OrderStatus = EnumValue<'orderStatus'>;
export type Role = EnumValue<'role'>;
export type ImportEntity = EnumValue<'importEntity'>;

/** The colour of a role's tag wherever a person's role is shown (the header, the users list). */
export const roleColours: Readonly<Record<Role, string>> = { admin: 'red', manager: 'gold', rep: 'blue' };

export function enumKey(list: EnumList, value: string): string {
  return `enum.${list}.${value}`;
}
