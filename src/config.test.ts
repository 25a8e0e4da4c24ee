import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('starts with the defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.pgliteSharedBuffers).toBe('32MB');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('takes the embedded database’s buffer pool from STRATUM_PGLITE_SHARED_BUFFERS', () => {
    expect(loadConfig({ STRATUM_PGLITE_SHARED_BUFFERS: '256MB' }).pgliteSharedBuffers).toBe('256MB');
  });

  it.each(['32', '32 MB', '0MB', '-1MB', '32TB', '32mb; DROP'])(
    'refuses the buffer pool size %j, naming the variable and the reason in both languages',
    (value) => {
      expect(() => loadConfig({ STRATUM_PGLITE_SHARED_BUFFERS: value })).toThrow(ConfigError);
      expect(() => loadConfig({ STRATUM_PGLITE_SHARED_BUFFERS: value })).toThrow(
        /配置无效.*\n.*STRATUM_PGLITE_SHARED_BUFFERS: 应为 32MB 这样的大小.* \/ a size such as 32MB/,
      );
    },
  );
});
