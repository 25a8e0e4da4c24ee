import type { Logger } from 'pino';

export interface PollingWorker<R> {
  /** Does one round of work now (the interval calls it; tests call it with their own clock). */
  tick(): Promise<R>;
  start(): void;
  /** Stops polling and waits for a round under way to finish. */
  stop(): Promise<void>;
}

/**
 * An in-process outbox loop: `work` every `pollSeconds`, never two rounds at once (a tick during a round joins it),
 * and a failed round is logged, never thrown into the timer. The timer does not keep the process alive.
 */
export function createPollingWorker<R>(
  work: () => Promise<R>,
  options: { readonly pollSeconds: number; readonly logger: Logger; readonly failureMessage: string },
): PollingWorker<R> {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<R> | undefined;

  function tick(): Promise<R> {
    running ??= work().finally(() => (running = undefined));
    return running;
  }

  return {
    tick,
    start() {
      if (timer) return;
      timer = setInterval(() => {
        tick().catch((error: unknown) => options.logger.error({ err: error }, options.failureMessage));
      }, options.pollSeconds * 1000);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await running?.catch(() => undefined);
    },
  };
}
