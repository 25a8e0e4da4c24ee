import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEmbedded } from '../testing/embedded-only.js';
import { ExitCode } from './exit-codes.js';
import { embeddedCli } from './testing/embedded-cli.js';

const source = embeddedCli('stratum-cli-backup-source');
const target = embeddedCli('stratum-cli-backup-target');

/** The customers export of a database, without the row of headers' own file details. */
const exported = (cli: typeof source) => {
  const out = path.join(cli.dir(), 'customers.csv');
  const run = cli.run('export', 'customers', '--out', out);
  expect(run.status, run.stderr).toBe(ExitCode.ok);
  return readFileSync(out, 'utf8');
};

describeEmbedded('stratum db backup and restore', () => {
  let file = '';

  beforeAll(() => {
    expect(source.open().status).toBe(ExitCode.ok);
    expect(target.open().status).toBe(ExitCode.ok);
    const customers = path.join(source.dir(), 'customers.csv');
    writeFileSync(customers, '客户编号,客户名称\nK1,宁波海天塑机有限公司\nK2,杭州备份测试有限公司\n');
    expect(source.run('import', 'customers', customers).status).toBe(ExitCode.ok);
    const own = path.join(target.dir(), 'own.csv');
    writeFileSync(own, '客户编号,客户名称\nT1,目标库原有客户\n');
    expect(target.run('import', 'customers', own).status).toBe(ExitCode.ok);
    file = path.join(source.dir(), 'stratum.backup.gz');
  }, 120_000);

  afterAll(() => {
    source.close();
    target.close();
  });

  it('writes a backup and restores it into another installation, which then lists the same customers', () => {
    const backup = source.run('db', 'backup', file);
    expect(backup.status, backup.stderr).toBe(ExitCode.ok);
    expect(backup.stdout).toMatch(/customers\s+2/);
    expect(readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    // The target holds a customer of its own, so it must be told to replace what it holds.
    const refused = target.run('db', 'restore', file);
    expect(refused.status).toBe(ExitCode.invalidInput);
    expect(refused.stderr).toContain('数据库中已有用户或客户');
    expect(refused.stderr).toContain('add --replace to overwrite it');
    const restored = target.run('db', 'restore', file, '--replace');
    expect(restored.status, restored.stderr).toBe(ExitCode.ok);
    expect(restored.stdout).toMatch(/Restored .+ rows of \d+ tables/);
    expect(exported(target)).toBe(exported(source));
  }, 120_000);

  it('never overwrites a file, and refuses a file that is not a backup, changing nothing', () => {
    const again = source.run('db', 'backup', file);
    expect(again.status).toBe(ExitCode.invalidInput);
    expect(again.stderr).toContain('file exists');
    const csv = path.join(source.dir(), 'customers.csv');
    const notGzip = target.run('db', 'restore', csv, '--replace');
    expect(notGzip.status).toBe(ExitCode.invalidInput);
    expect(notGzip.stderr).toContain('not a gzip backup file');
    expect(exported(target)).toContain('杭州备份测试有限公司');
  }, 120_000);
});
