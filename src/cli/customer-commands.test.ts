import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from './exit-codes.js';
import { embeddedCli } from './testing/embedded-cli.js';
import { describeEmbedded } from '../testing/embedded-only.js';

const cli = embeddedCli('stratum-cli-customers');
const stratum = cli.run;

describeEmbedded('stratum customers on an embedded database', () => {
  beforeAll(() => {
    expect(cli.open().status).toBe(ExitCode.ok);
    const customers = path.join(cli.dir(), 'customers.csv');
    writeFileSync(
      customers,
      '客户编号,客户名称,电话\nK1,宁波海天塑机有限公司,0574-8888 0001\nK2,海天塑机（宁波）,057488880001\nK3,杭州其他有限公司,0571-1234567\n',
    );
    const orders = path.join(cli.dir(), 'orders.csv');
    writeFileSync(
      orders,
      '订单号,客户编号,成交日期,金额\nO-1,K1,2024-03-05,100.10\nO-2,K2,2024-04-05,200.20\n',
    );
    expect(stratum('import', 'customers', customers).status).toBe(ExitCode.ok);
    expect(stratum('import', 'orders', orders).status).toBe(ExitCode.ok);
  }, 120_000);

  afterAll(() => cli.close());

  describe('stratum customers', () => {
    it('lists the customers that are one company under two codes (here: one phone number written two ways)', () => {
      const run = stratum('customers', 'duplicates');
      expect(run.status, run.stderr).toBe(ExitCode.ok);
      expect(run.stdout).toContain('#1 same_phone');
      expect(run.stdout).toMatch(/K1.+宁波海天塑机有限公司/);
      expect(run.stdout).toMatch(/K2.+海天塑机（宁波）/);
      expect(run.stdout).not.toContain('K3');
      expect(run.stdout).toContain('1 groups');
    }, 60_000);

    it('refuses an unknown code (exit 4, both languages) and a field it cannot take (exit 2)', () => {
      const unknown = stratum('customers', 'merge', 'K1', 'K9');
      expect(unknown.status).toBe(ExitCode.invalidInput);
      expect(unknown.stderr).toContain('客户编号不存在 / unknown customer code: K9');
      const badTake = stratum('customers', 'merge', 'K1', 'K2', '--take', 'colour=K2');
      expect(badTake.status).toBe(ExitCode.usage);
      expect(badTake.stderr).toContain('must be <field>=<customer code>');
    }, 60_000);

    it('merges one code into the other, taking the chosen field, and the pair is gone from the duplicates', () => {
      const run = stratum('customers', 'merge', 'K2', 'K1', '--take', 'name=K1', '--take', 'phone=K1');
      expect(run.status, run.stderr).toBe(ExitCode.ok);
      expect(run.stdout).toContain('已合并 / merged K1 → K2 宁波海天塑机有限公司');
      expect(run.stdout).toContain('moved / 转移: orders 1, payments 0');
      const after = stratum('customers', 'duplicates');
      expect(after.stdout).toContain('0 groups');
    }, 60_000);
  });
});
