import { ConfigError } from '../config.js';
import { MigrationError } from '../db/migrate.js';
import { DataDirInUseError } from '../db/data-dir-lock.js';
import { BackupError } from '../modules/backup/backup-format.js';
import { AppError, renderError } from '../server/errors.js';
import type { Locale } from '../server/messages.js';

export const ExitCode = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  config: 3,
  invalidInput: 4,
  database: 5,
} as const;

/** Input the person gave (a file, a mapping) that cannot be used, with the reason in Chinese and English. */
export class InputError extends Error {}

/** The API's own words for a refusal, Chinese first: a person at a terminal reads either. */
function bilingual(error: AppError): string {
  const line = (locale: Locale) => {
    const { message, fields } = renderError(error, locale).error;
    return [message, ...fields.map((field) => field.message)].join(locale === 'zh-CN' ? '；' : '; ');
  };
  return `${line('zh-CN')} / ${line('en-US')}`;
}

/** One line a person can act on, and the exit code scripts can branch on. */
export function describeFailure(error: unknown): { code: number; message: string } {
  if (error instanceof ConfigError) return { code: ExitCode.config, message: error.message };
  if (error instanceof AppError) return { code: ExitCode.invalidInput, message: bilingual(error) };
  if (error instanceof InputError || error instanceof BackupError)
    return { code: ExitCode.invalidInput, message: error.message };
  if (error instanceof MigrationError || error instanceof DataDirInUseError) {
    return { code: ExitCode.database, message: error.message };
  }
  const pgCode = (error as { code?: unknown } | null)?.code;
  if (typeof pgCode === 'string' && /^[0-9A-Z]{5}$/.test(pgCode)) {
    return { code: ExitCode.database, message: `Database error ${pgCode}: ${(error as Error).message}` };
  }
  if (
    error instanceof Error &&
    'code' in error &&
    (error.code === 'ECONNREFUSED' || error.code === 'ENOTFOUND')
  ) {
    return {
      code: ExitCode.database,
      message: `Cannot reach the database / 无法连接数据库: ${error.message}`,
    };
  }
  return {
    code: ExitCode.unexpected,
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
  };
}
