import type { Client, TestPeople } from '../../src/testing/test-app.js';

async function post(client: Client, path: string, body: unknown): Promise<{ id: number }> {
  const response = await client('POST', path, body);
  if (response.status !== 201) throw new Error(`POST ${path} → ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: number };
}

/** A calendar day `months` months before today (Beijing time is close enough for whole-day dates this far back). */
function monthsAgo(months: number, day = 10): string {
  const date = new Date();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() - months);
  date.setUTCDate(day);
  return date.toISOString().slice(0, 10);
}

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const yesterday = addDays(new Date().toISOString().slice(0, 10), -1);

const provinces = ['江苏省', '浙江省', '广东省', '上海市', '山东省'];
const industries = ['manufacturing', 'logistics', 'energy', 'chemicals', 'electronics'];

export interface GradingSeed {
  /** Customers with orders owned by rep.east1 (the rep whose dashboard the test reads). */
  repEast1Buyers: number;
  /** Customers with orders in all. */
  buyers: number;
}

/**
 * Customers of three reps with orders in the last year: sales rise with the index while margins fall and
 * payments run later, so that moving weight between credit, sales and profit moves customers between grades.
 */
export async function seedGradingData(
  admin: Client,
  people: TestPeople,
  perRep: number,
): Promise<GradingSeed> {
  const owners = [
    { ownerId: people.repEast1, teamId: people.teamEast },
    { ownerId: people.repEast2, teamId: people.teamEast },
    { ownerId: people.repSouth1, teamId: people.teamSouth },
  ];
  let n = 0;
  for (const owner of owners) {
    for (let i = 0; i < perRep; i++) {
      n++;
      const customer = await post(admin, '/api/customers', {
        name: `分级演示客户${String(n).padStart(2, '0')}`,
        lifecycleStage: n % 9 === 0 ? 'churned' : 'closed_stable',
        province: provinces[n % provinces.length],
        industry: industries[(n * 3) % industries.length],
        sizeBand: (['small', 'medium', 'large'] as const)[n % 3],
        ...owner,
      });
      for (let contact = 0; contact < n % 4; contact++)
        await post(admin, '/api/activities', {
          customerId: customer.id,
          kind: contact % 2 ? 'call' : 'visit',
          at: `${monthsAgo(contact + 1, 12)}T10:00:00+08:00`,
          subject: '季度回访',
        });
      const amount = 20_000 + ((n * 7919) % 31) * 9_000;
      const margin = 0.08 + ((n * 13) % 17) / 40;
      const orders = 1 + (n % 4);
      for (let k = 0; k < orders; k++) {
        const orderDate = monthsAgo(1 + ((k * 3 + n) % 11));
        await post(admin, '/api/orders', {
          customerId: customer.id,
          orderNo: `GD-${n}-${k + 1}`,
          orderDate,
          amount: amount.toFixed(2),
          cost: (amount * (1 - margin)).toFixed(2),
        });
        if (k === 0) {
          const dueDate = addDays(orderDate, 30);
          const paidDate = addDays(dueDate, (n * 11) % 45);
          await post(admin, '/api/payments', {
            customerId: customer.id,
            dueDate,
            // Money is received by yesterday at the latest: a paid date still to come is refused.
            paidDate: paidDate < yesterday ? paidDate : yesterday,
            amount: amount.toFixed(2),
          });
        }
      }
    }
  }
  return { repEast1Buyers: perRep, buyers: n };
}
