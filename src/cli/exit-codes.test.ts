import { describe, expect, it } from 'vitest';
import { AppError } from '../server/errors.js';
import { describeFailure, ExitCode, InputError } from './exit-codes.js';

describe('a CLI failure', () => {
  it('refused by the rules reads in Chinese and English, fields included, with the invalid-input exit code', () => {
    const failure = describeFailure(AppError.invalid('asOf', 'invalid_format'));
    expect(failure.code).toBe(ExitCode.invalidInput);
    expect(failure.message).toMatch(/^[^/]*[\u4e00-\u9fff][^/]*asOf[^/]* \/ [A-Z][^\u4e00-\u9fff]*asOf/);
  });

  it('of something missing says so in both languages', () => {
    expect(describeFailure(AppError.notFound()).message).toMatch(/[\u4e00-\u9fff].* \/ [A-Za-z]/);
  });

  it('of unusable input keeps its own bilingual reason', () => {
    expect(describeFailure(new InputError('文件无法读取 / the file cannot be read'))).toEqual({
      code: ExitCode.invalidInput,
      message: '文件无法读取 / the file cannot be read',
    });
  });
});
