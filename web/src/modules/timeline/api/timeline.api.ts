import { api, buildQuery } from '../../../shared/api/client';
import type { ActivityKind, OrderStatus } from '../../../shared/enums';

export const timelineKinds = ['order', 'payment', 'activity', 'grade', 'opportunity'] as const;
export type TimelineKind = (typeof timelineKinds)[number];

interface Base {
  id: number;
  at: string;
}
export type TimelineEvent = Base &
  (
    | { kind: 'order'; orderNo: string; amount: string; status: OrderStatus }
    | { kind: 'payment'; amount: string; dueDate: string; paidDate: string | null; daysLate: number }
    | { kind: 'activity'; activityKind: ActivityKind; subject: string; userName: string | null }
    | { kind: 'grade'; modelId: number; fromGrade: number | null; toGrade: number | null; cause: string }
    | {
        kind: 'opportunity';
        opportunityId: number;
        opportunityName: string;
        fromStage: string | null;
        toStage: string;
        byName: string | null;
      }
  );

export interface TimelinePage {
  items: TimelineEvent[];
  nextCursor: string | null;
}

export const timelineApi = {
  page: (customerId: number, kinds: readonly TimelineKind[], cursor?: string) =>
    api.get<TimelinePage>(`/customers/${customerId}/timeline${buildQuery({ kinds, cursor, limit: 50 })}`),
};
