import { z } from 'zod';
import path from 'node:path';

const booleanFromEnv = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

/**
 * PGlite's buffer pool is WASM memory touched in full when the database opens: PostgreSQL's 128MB default held
 * ≈ 110 MB more resident than this for the same grading run and import times, since the files it would cache
 * stay in the operating system's page cache anyway (docs/performance.md).
 */
export const DEFAULT_PGLITE_SHARED_BUFFERS = '32MB';

const envSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  STRATUM_DATA_DIR: z.string().min(1).default('./data'),
  STRATUM_PGLITE_SHARED_BUFFERS: z
    .string()
    .regex(
      /^[1-9][0-9]*(kB|MB|GB)$/,
      '应为 32MB 这样的大小（单位 kB、MB 或 GB） / a size such as 32MB (kB, MB or GB)',
    )
    .default(DEFAULT_PGLITE_SHARED_BUFFERS),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  STRATUM_ADMIN_PASSWORD: z.string().min(8).optional(),
  STRATUM_SESSION_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 90)
    .default(12),
  STRATUM_LOGIN_MAX_ATTEMPTS: z.coerce.number().int().positive().default(5),
  STRATUM_LOGIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  STRATUM_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  STRATUM_MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(200 * 1024 * 1024),
  STRATUM_SECURE_COOKIES: booleanFromEnv.default(false),
  STRATUM_SCHEDULER: booleanFromEnv.default(true),
  STRATUM_WEBHOOK_POLL_SECONDS: z.coerce.number().positive().max(3600).default(5),
  STRATUM_WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().positive().max(300).default(10),
  STRATUM_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  STRATUM_WEBHOOK_BACKOFF_SECONDS: z.coerce.number().positive().default(30),
  STRATUM_WEBHOOK_BACKOFF_MAX_SECONDS: z.coerce.number().positive().default(3600),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  /** The embedded database's buffer pool: its memory is taken when it opens, whatever the data's size. */
  readonly pgliteSharedBuffers: string;
  readonly host: string;
  readonly port: number;
  readonly adminPassword: string | undefined;
  readonly sessionHours: number;
  readonly loginMaxAttempts: number;
  readonly loginWindowMinutes: number;
  readonly maxBodyBytes: number;
  /** Import uploads are streamed to disk and have their own, larger limit than JSON bodies. */
  readonly maxUploadBytes: number;
  readonly secureCookies: boolean;
  /** Whether this process runs the models' cron schedules (turn off on all but one server of a cluster). */
  readonly scheduler: boolean;
  readonly webhooks: WebhookSettings;
  readonly logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
}

export interface WebhookSettings {
  readonly pollSeconds: number;
  readonly timeoutSeconds: number;
  readonly maxAttempts: number;
  /** Retry n (1-based) waits backoffSeconds × 2^(n-1), never more than backoffMaxSeconds. */
  readonly backoffSeconds: number;
  readonly backoffMaxSeconds: number;
}

export class ConfigError extends Error {}

/** Reads the environment once; a bad value stops the process before anything starts. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration / 配置无效:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.STRATUM_DATA_DIR),
    pgliteSharedBuffers: e.STRATUM_PGLITE_SHARED_BUFFERS,
    host: e.HOST,
    port: e.PORT,
    adminPassword: e.STRATUM_ADMIN_PASSWORD,
    sessionHours: e.STRATUM_SESSION_HOURS,
    loginMaxAttempts: e.STRATUM_LOGIN_MAX_ATTEMPTS,
    loginWindowMinutes: e.STRATUM_LOGIN_WINDOW_MINUTES,
    maxBodyBytes: e.STRATUM_MAX_BODY_BYTES,
    maxUploadBytes: e.STRATUM_MAX_UPLOAD_BYTES,
    secureCookies: e.STRATUM_SECURE_COOKIES,
    scheduler: e.STRATUM_SCHEDULER,
    webhooks: Object.freeze({
      pollSeconds: e.STRATUM_WEBHOOK_POLL_SECONDS,
      timeoutSeconds: e.STRATUM_WEBHOOK_TIMEOUT_SECONDS,
      maxAttempts: e.STRATUM_WEBHOOK_MAX_ATTEMPTS,
      backoffSeconds: e.STRATUM_WEBHOOK_BACKOFF_SECONDS,
      backoffMaxSeconds: e.STRATUM_WEBHOOK_BACKOFF_MAX_SECONDS,
    }),
    logLevel: e.LOG_LEVEL,
  });
}
