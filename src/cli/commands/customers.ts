import { InvalidArgumentError, type Command } from 'commander';
import type { Config } from '../../config.js';
import { findUserActor } from '../../modules/imports/cli-actor.js';
import { findCustomerIdsByCode } from '../../modules/customers/customer.repository.js';
import { listDuplicateGroups, mergeCustomers } from '../../modules/customers/merge.service.js';
import { mergeableFields, type MergeableField } from '../../modules/customers/merge.schema.js';
import { positiveIntegerOption } from '../options.js';
import { InputError } from '../exit-codes.js';
import { withRuntime } from './with-runtime.js';

type Takes = ReadonlyArray<readonly [MergeableField, string]>;

/** `--take phone=C0000123`: the field's value comes from that customer. */
function takeOption(text: string, previous: Takes = []): Takes {
  const [field, code] = text.split('=');
  if (!code || !mergeableFields.includes(field as MergeableField)) {
    throw new InvalidArgumentError(
      `must be <field>=<customer code>, field one of ${mergeableFields.join(', ')}`,
    );
  }
  return [...previous, [field as MergeableField, code]];
}

export function registerCustomerCommands(program: Command, config: () => Config): void {
  const customers = program.command('customers').description('customer records / 客户');
  customers
    .command('duplicates')
    .description(
      'customers that look like one company: same name once normalised, or same phone / 疑似重复客户',
    )
    .option('--limit <n>', 'groups to show', positiveIntegerOption, 50)
    .option('--as <login>', 'act as this user, within their data scope (default: the first admin)')
    .action((options: { limit: number; as?: string }) =>
      withRuntime(config, async ({ database }) => {
        const actor = await findUserActor(database.db, options.as);
        const page = await listDuplicateGroups(database.db, actor, { limit: options.limit, offset: 0 });
        page.items.forEach((group, index) => {
          console.log(`#${index + 1} ${group.reasons.join(', ')}`);
          console.table(
            group.customers.map((c) => ({
              code: c.code,
              name: c.name,
              phone: c.phone ?? '',
              owner: c.ownerName ?? '',
              orders: c.orderCount,
              amount: c.amount,
            })),
          );
        });
        console.log(`${page.total} groups / 组`);
      }),
    );
  customers
    .command('merge <survivor> <duplicates...>')
    .description(
      'merge duplicates (by code) into the survivor: records moved, grades re-evaluated / 合并客户',
    )
    .option('--take <field=code>', 'take this field from that customer (repeatable)', takeOption)
    .option('--as <login>', 'act as this manager or admin (default: the first admin)')
    .action((survivor: string, duplicates: string[], options: { take?: Takes; as?: string }) =>
      withRuntime(config, async ({ database }) => {
        const actor = await findUserActor(database.db, options.as);
        const codes = [survivor, ...duplicates, ...(options.take ?? []).map(([, code]) => code)];
        const ids = await findCustomerIdsByCode(database.db, codes);
        const unknown = codes.filter((code) => !ids.has(code));
        if (unknown.length) {
          throw new InputError(`客户编号不存在 / unknown customer code: ${[...new Set(unknown)].join(', ')}`);
        }
        const result = await database.db.transaction().execute((trx) =>
          mergeCustomers(
            trx,
            actor,
            ids.get(survivor)!,
            {
              duplicateIds: duplicates.map((code) => ids.get(code)!),
              take: Object.fromEntries((options.take ?? []).map(([field, code]) => [field, ids.get(code)!])),
            },
            new Date(),
          ),
        );
        console.log(
          `已合并 / merged ${result.merged.map((c) => c.code).join(', ')} → ${result.customer.code} ${result.customer.name}`,
        );
        console.log(
          `moved / 转移: ${Object.entries(result.moved)
            .map(([records, count]) => `${records} ${count}`)
            .join(', ')}`,
        );
      }),
    );
}
