import { AppError } from '../../server/errors.js';
import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { isCustomerVisible } from '../shared/scope.js';
import { listTimeline, type TimelinePosition } from './timeline.repository.js';
import { timelineKinds, type TimelineEventView, type TimelineFilter } from './timeline.schema.js';

const encodePosition = (position: TimelinePosition) =>
  Buffer.from(JSON.stringify([position.at, position.kind, position.id])).toString('base64url');

function decodePosition(cursor: string): TimelinePosition {
  try {
    const [at, kind, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof at === 'string' &&
      !Number.isNaN(Date.parse(at)) &&
      timelineKinds.includes(kind as never) &&
      Number.isInteger(id)
    )
      return { at, kind: kind as string, id: id as number };
  } catch {
    // reported below, as any other cursor that is not one of ours
  }
  throw AppError.invalid('cursor', 'invalid_format');
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
