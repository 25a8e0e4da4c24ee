export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  userName: string | null;
  entity: string;
  entityId: string | null;
  action: string;
  before: unknown;
  after: unknown;
}
