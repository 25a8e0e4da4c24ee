import { Readable } from 'node:stream';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../server/app-env.js';
import { errorResponses } from '../../server/schema-common.js';
import { recordAudit } from '../audit/audit.repository.js';
import { requireAdmin } from '../users/user.service.js';
import { businessDay } from '../worklist/business-day.js';
import { temporaryBackup } from './backup-file.js';

const backupRoute = createRoute({
  method: 'get',
  path: '/backup',
  tags: ['backup'],
  summary:
    'A backup of the whole database as one consistent snapshot (admins): the gzip file `stratum db restore` reads, ' +
    'into PGlite or PostgreSQL',
  responses: { 200: { description: 'The backup file (gzip)' }, ...errorResponses },
});

export function registerBackupRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  app.openapi(backupRoute, async (c) => {
    const actor = c.get('actor');
    requireAdmin(actor);
    const file = await temporaryBackup(deps.db, deps.database.kind);
    await recordAudit(deps.db, { actorId: actor.id, entity: 'database', entityId: null, action: 'backup' });
    return c.body(Readable.toWeb(file) as ReadableStream<Uint8Array>, 200, {
      'content-type': 'application/gzip',
      'content-disposition': `attachment; filename="stratum-${businessDay(deps.now())}.backup.gz"`,
    });
  });
}
