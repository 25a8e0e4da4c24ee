import { describe, expect, it } from 'vitest';
import { guardFormula, unguardFormula } from './formula-guard.js';

describe('spreadsheet formula guard', () => {
  it.each(['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'])(
    'text starting like a formula (%j) leaves as text behind an apostrophe',
    (text) => expect(guardFormula(text)).toBe(`'${text}`),
  );

  it.each(['苏州精工机械有限公司', 'A=B', '', "'quoted", '1-2'])('ordinary text (%j) is left alone', (text) =>
    expect(guardFormula(text)).toBe(text),
  );

  it('the importer takes the apostrophe off again, so a round trip keeps the value', () => {
    for (const text of ['=1+1', '-x', '@who', 'plain', "'kept"])
      expect(unguardFormula(guardFormula(text))).toBe(text);
  });
});
