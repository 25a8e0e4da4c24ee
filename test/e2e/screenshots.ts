import { mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Where a browser test saves a screenshot: test-results/ (an artifact, git-ignored) on every run, and
 * docs/screenshots/ — the committed pictures the README shows — only when asked with STRATUM_SCREENSHOTS=docs, so
 * that running the tests never dirties the working tree.
 */
export function screenshotPath(name: string): string {
  const folder = process.env.STRATUM_SCREENSHOTS === 'docs' ? 'docs/screenshots' : 'test-results';
  mkdirSync(folder, { recursive: true });
  return path.join(folder, name);
}
