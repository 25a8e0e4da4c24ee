import type { Config } from '../../config.js';
import { openRuntime, type Runtime } from '../../server/runtime.js';

/** Opens the database (migrating it), runs the command, and always closes the database again. */
export async function withRuntime<T>(
  config: () => Config,
  run: (runtime: Runtime) => Promise<T>,
): Promise<T> {
  const runtime = await openRuntime(config());
  try {
    return await run(runtime);
  } finally {
    await runtime.close();
  }
}
