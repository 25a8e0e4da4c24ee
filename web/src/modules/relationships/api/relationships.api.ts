import type { EnumValue, RelationshipKind } from '../../../shared/enums';

export interface Relationship {
  id: number;
  customerId: number;
  relatedCustomerId: number;
  relatedCustomerName: string | null;
  kind: RelationshipKind;
  direction: EnumValue<'direction'>;
  note: string | null;
  createdAt: string;
}
