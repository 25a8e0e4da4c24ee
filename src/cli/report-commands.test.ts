import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from './exit-codes.js';
import { embeddedCli } from './testing/embedded-cli.js';
import { describeEmbedded } from '../testing/embedded-only.js';

const cli = embeddedCli('stratum-cli-reports');
const stratum = cli.run;

describeEmbedded('the report commands on an embedded database', () => {
  beforeAll(() => {
    expect(cli.open().status).toBe(ExitCode.ok);
  }, 60_000);

  afterAll(() => cli.close());

  describe('the report commands', () => {
    it('print their totals over a company with nothing in it yet, as zeros', () => {
      const receivables = stratum('receivables', '--as-of', '2025-06-30');
      expect(receivables.status).toBe(ExitCode.ok);
      expect(receivables.stdout).toContain('as of 2025-06-30');
      expect(receivables.stdout).toContain('outstanding: 0 payments, 0.00; overdue: 0 payments, 0.00');
      const sales = stratum('sales', '--to', '2025-03-31');
      expect(sales.status).toBe(ExitCode.ok);
      expect(sales.stdout).toContain('2025-03-01 – 2025-03-31 (before: 2025-01-29 – 2025-02-28)');
      expect(sales.stdout).toContain('合计 / total');
      const followUps = stratum(
        'follow-ups',
        '--from',
        '2025-03-01',
        '--to',
        '2025-03-31',
        '--kind',
        'visit,call',
      );
      expect(followUps.status).toBe(ExitCode.ok);
      expect(followUps.stdout).toContain('合计 / total');
    }, 60_000);

    it('refuse a period that ends before it starts (exit 4, both languages) and a kind they do not know (exit 2)', () => {
      const reversed = stratum('sales', '--from', '2025-04-01', '--to', '2025-03-31');
      expect(reversed.status).toBe(ExitCode.invalidInput);
      expect(reversed.stderr).toContain('from 晚于结束日期');
      expect(reversed.stderr).toContain('from is after the end of the period');
      const fax = stratum('follow-ups', '--kind', 'fax');
      expect(fax.status).toBe(ExitCode.usage);
      expect(fax.stderr).toContain('must be some of visit');
    }, 60_000);

    it('sets a target by login and month, shows it in the year and in the sales against it; refuses a month that is none', () => {
      const add = cli.run('user', 'add', '--login', 'rep9', '--role', 'rep', '--password', 'rep9-password-1');
      expect(add.status, add.stderr).toBe(ExitCode.ok);
      const set = stratum('targets', 'set', 'rep9', '2025-03', '31000');
      expect(set.status, set.stderr).toBe(ExitCode.ok);
      const shown = stratum('targets', 'show', '--year', '2025');
      expect(shown.status).toBe(ExitCode.ok);
      expect(shown.stdout).toMatch(/rep9.+31000\.00/);
      const sales = stratum('sales', '--from', '2025-03-01', '--to', '2025-03-31');
      expect(sales.stdout).toContain('31000.00');
      expect(sales.stdout).toContain('0.0%');
      const badMonth = stratum('targets', 'set', 'rep9', '2025-13', '1');
      expect(badMonth.status).toBe(ExitCode.usage);
      expect(badMonth.stderr).toContain('must be a month, YYYY-MM');
    }, 90_000);
  });
});
