import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { DatabaseHandle } from '../db/connect.js';
import type { Actor } from '../modules/auth/actor.js';
import type { LoginThrottle } from '../modules/auth/login-throttle.js';
import type { Locale } from './messages.js';

export interface AppDeps {
  readonly config: Config;
  readonly database: DatabaseHandle;
  readonly db: Kysely<Database>;
  readonly logger: Logger;
  readonly throttle: LoginThrottle;
  readonly now: () => Date;
}

export interface AppEnv {
  Variables: {
    locale: Locale;
    actor: Actor;
    sessionId: string;
  };
}
