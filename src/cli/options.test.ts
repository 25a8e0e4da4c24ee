import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { isoDateOption, positiveIntegerOption } from './options.js';

describe('command-line options', () => {
  it('a date option takes calendar days only: a day that does not exist is a usage error, not a database error', () => {
    expect(isoDateOption('2024-02-29')).toBe('2024-02-29');
    for (const text of ['2025-02-30', '2025-02-29', '2025-13-01', '2025-04-31', '2025-6-30', '20250630', ''])
      expect(() => isoDateOption(text), text).toThrow(InvalidArgumentError);
  });

  it('a count option takes positive whole numbers only', () => {
    expect(positiveIntegerOption('12')).toBe(12);
    for (const text of ['0', '-3', '1.5', 'x'])
      expect(() => positiveIntegerOption(text), text).toThrow(InvalidArgumentError);
  });
});
