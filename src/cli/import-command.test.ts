import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from './exit-codes.js';
import { embeddedCli } from './testing/embedded-cli.js';
import { describeEmbedded } from '../testing/embedded-only.js';

const cli = embeddedCli('stratum-cli-import');
const stratum = cli.run;

describeEmbedded('stratum import on an embedded database', () => {
  beforeAll(() => {
    expect(cli.open().status).toBe(ExitCode.ok);
  }, 60_000);

  afterAll(() => cli.close());

  describe('stratum import, given a file or a mapping it cannot use', () => {
    it('names the mapped field and the missing column in Chinese and English, exits 4, and shows no stack', () => {
      const file = path.join(cli.dir(), 'erp.csv');
      writeFileSync(file, '单号,客户编号,成交日期\nM-1,K001,2024-03-05\n');
      const mapping = JSON.stringify({
        order_no: { column: '单号' },
        customer_code: { column: '客户编号' },
        order_date: { column: '成交日期' },
        amount: { column: '金额（万元）' },
      });
      const run = stratum('import', 'orders', file, '--mapping', mapping, '--create-customers');
      expect(run.status).toBe(ExitCode.invalidInput);
      expect(run.stderr).toContain('字段“金额”对应的列“金额（万元）”不在文件中');
      expect(run.stderr).toContain(
        'the column “金额（万元）” mapped to the field “Amount” is not in the file',
      );
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }, 60_000);

    it('says a renamed text file is no workbook, in both languages, exits 4', () => {
      const file = path.join(cli.dir(), 'orders.xlsx');
      writeFileSync(file, '单号,客户编号,成交日期\nM-1,K001,2024-03-05\n');
      const run = stratum('import', 'orders', file);
      expect(run.status).toBe(ExitCode.invalidInput);
      expect(run.stderr).toMatch(/文件无法读取（.+） \/ the file cannot be read \(.+\)/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }, 60_000);
  });
});
