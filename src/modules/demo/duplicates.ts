import type { BulkSession } from './bulk-writer.js';

/**
 * Every company keeps some customers twice: a second rep entered one again under another code, its name written
 * another way (有限责任公司 for 有限公司, the legal form in brackets) or its phone number in another format. The demo
 * plants one such copy per 400 customers (at least two), each with a recent order and its payment of its own, so
 * that the duplicates page has something to find and a merge something to move. The copy goes to another
 * account manager of the same team, and is created well after the original. Set-based and keyed by a hash of the
 * customer id, like the opportunities; explicit ids above the loaded ones (the id sequences are set after it).
 */
const COPIES = `
  WITH picked AS (
    SELECT c.*, row_number() OVER (ORDER BY (c.id::bigint * 2246822519) % 4294967296, c.id) AS n
      FROM customers c
     WHERE c.id > $1 AND c.owner_id IS NOT NULL AND c.phone IS NOT NULL AND c.lifecycle_stage NOT IN ('target', 'intent')
       AND c.created_at < $3::date - 200
     ORDER BY (c.id::bigint * 2246822519) % 4294967296, c.id
     LIMIT $2
  ), base AS (SELECT max(id) AS customer_id FROM customers)
  INSERT INTO customers (id, code, name, short_name, type, lifecycle_stage, owner_id, team_id, province, city,
                         industry, nature, size_band, phone, source, tags, created_at, updated_at)
  SELECT base.customer_id + p.n, p.code || '-B',
         CASE p.n % 3
           WHEN 0 THEN regexp_replace(p.name, '(股份)?有限公司', '有限责任公司')
           WHEN 1 THEN regexp_replace(p.name, '((股份)?有限公司)', '（\\1）')
           ELSE p.short_name || '（' || p.city || '）'
         END,
         p.short_name, p.type, p.lifecycle_stage,
         coalesce((SELECT u.id FROM users u WHERE u.team_id = p.team_id AND u.role = 'rep' AND u.active
                     AND u.id <> p.owner_id ORDER BY u.id LIMIT 1), p.owner_id),
         p.team_id, p.province, p.city, p.industry, p.nature, p.size_band,
         CASE WHEN p.n % 3 = 2 THEN '+86 ' || regexp_replace(p.phone, '^0([0-9]+)-', '\\1 ') END,
         p.source, '{}', p.created_at + interval '200 days', p.created_at + interval '200 days'
    FROM picked p, base`;

const ORDERS = `
  WITH copies AS (
    SELECT c.id, row_number() OVER (ORDER BY c.id) AS n FROM customers c WHERE c.code LIKE '%-B' AND c.id > $1
  ), base AS (SELECT max(id) AS order_id FROM orders)
  INSERT INTO orders (id, customer_id, order_no, order_date, amount, cost, gross_profit, status, created_at, updated_at)
  SELECT base.order_id + c.n, c.id, 'B-' || c.id, a.day, a.amount, round(a.amount * 0.78, 2),
         a.amount - round(a.amount * 0.78, 2), 'completed', a.at, a.at
    FROM copies c, base,
         LATERAL (SELECT $2::date - (10 + c.n * 17 % 150)::int AS day,
                         round((2000 + c.id * 7919 % 48000)::numeric, 2) AS amount) d,
         LATERAL (SELECT d.day, d.amount, (d.day || ' 10:00:00+08')::timestamptz AS at) a`;

const PAYMENTS = `
  INSERT INTO payments (customer_id, order_id, due_date, paid_date, amount, created_at, updated_at)
  SELECT o.customer_id, o.id, o.order_date + 30,
         CASE WHEN o.id % 4 <> 0 AND o.order_date + 28 <= $2::date THEN o.order_date + 28 END,
         o.amount, o.created_at, o.created_at
    FROM orders o JOIN customers c ON c.id = o.customer_id
   WHERE c.id > $1 AND c.code LIKE '%-B' AND o.order_no = 'B-' || c.id`;

/** The order's one line, where the demo's orders have lines: every order is the sum of its lines. */
const LINES = `
  INSERT INTO order_lines (order_id, customer_id, product, quantity, unit_price, amount, cost)
  SELECT o.id, o.customer_id, '配件及服务', 1, o.amount, o.amount, o.cost
    FROM orders o JOIN customers c ON c.id = o.customer_id
   WHERE c.id > $1 AND c.code LIKE '%-B' AND o.order_no = 'B-' || c.id`;

export async function seedDuplicates(
  session: BulkSession,
  options: { afterCustomerId: number; customers: number; asOf: string; orderLines: boolean },
): Promise<number> {
  const { afterCustomerId, asOf } = options;
  const copies = Math.max(2, Math.round(options.customers / 400));
  await session.query(COPIES, [afterCustomerId, copies, asOf]);
  await session.query(ORDERS, [afterCustomerId, asOf]);
  await session.query(PAYMENTS, [afterCustomerId, asOf]);
  if (options.orderLines) await session.query(LINES, [afterCustomerId]);
  const [row] = await session.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM customers WHERE id > $1 AND code LIKE '%-B'`,
    [afterCustomerId],
  );
  return row?.count ?? 0;
}
