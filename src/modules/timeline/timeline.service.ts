import { AppError } from '../../server/errors.js';
import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { decodeCursor, encodeCursor } from '../shared/pagination.js';
import { isCustomerVisible } from '../shared/scope.js';
import { listTimeline, type TimelinePosition } from './timeline.repository.js';
import {
  timelineKinds,
  type TimelineEventView,
  type TimelineFilter,
  type TimelineKind,
} from './timeline.schema.js';

/**
 * The shared keyset cursor carries the position's time and kind in its key ("<at> <kind>"): a timeline's events are
 * ordered by both before their id.
 */
const encodePosition = ({ at, kind, id }: TimelinePosition) => encodeCursor({ key: `${at} ${kind}`, id });

function decodePosition(text: string): TimelinePosition {
  const { key, id } = decodeCursor(text)!;
  const [at = '', kind = ''] = (key ?? '').split(' ');
  if (Number.isNaN(Date.parse(at)) || !timelineKinds.includes(kind as TimelineKind))
    throw AppError.invalid('cursor', 'invalid_format');
  return { at, kind, id };
}

/**
 * Everything that happened with a customer, newest first, in one line each: orders, payments (when paid, or due),
 * follow-ups, grade changes and opportunity moves. A customer the caller may not see does not exist.
 */
export async function customerTimeline(
  db: Db,
  actor: Actor,
  customerId: number,
  filter: TimelineFilter,
): Promise<{ items: TimelineEventView[]; nextCursor: string | null }> {
  const after = filter.cursor ? decodePosition(filter.cursor) : undefined;
  if (!(await isCustomerVisible(db, actor, customerId))) throw AppError.notFound();
  const rows = await listTimeline(db, customerId, filter.kinds ?? timelineKinds, filter.limit + 1, after);
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    items: page.map(
      (row) => ({ ...row.detail, kind: row.kind, id: row.id, at: row.at.toISOString() }) as TimelineEventView,
    ),
    nextCursor:
      rows.length > filter.limit && last
        ? encodePosition({ at: last.position, kind: last.kind, id: last.id })
        : null,
  };
}
