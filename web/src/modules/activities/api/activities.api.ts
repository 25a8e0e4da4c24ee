import type { ActivityKind } from '../../../shared/enums';

export interface Activity {
  id: number;
  customerId: number;
  contactId: number | null;
  contactName: string | null;
  userId: number | null;
  userName: string | null;
  kind: ActivityKind;
  at: string;
  subject: string;
  note: string | null;
  nextActionAt: string | null;
}
