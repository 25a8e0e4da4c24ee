import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { createOutboxWorker } from '../../modules/messaging/outbox.worker.js';
import { withRuntime } from './with-runtime.js';

export function registerMessageCommands(program: Command, config: () => Config): void {
  const messages = program.command('messages').description('care and marketing messages / 关怀营销消息');
  messages
    .command('send-pending')
    .description('send every queued message that is due now, as the server’s outbox worker would, then stop')
    .action(() =>
      withRuntime(config, async ({ deps }) => {
        const worker = createOutboxWorker({
          db: deps.db,
          logger: deps.logger,
          settings: deps.config.webhooks,
        });
        const total = { sent: 0, retrying: 0, failed: 0, released: 0 };
        // A round takes at most one batch; keep going while rounds still find due messages.
        for (;;) {
          const round = await worker.tick();
          for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += round[key];
          if (round.sent + round.retrying + round.failed === 0) break;
        }
        console.log(
          `sent ${total.sent}, to retry later ${total.retrying}, failed ${total.failed}` +
            (total.released ? `, ${total.released} recovered from an interrupted send` : ''),
        );
      }),
    );
}
