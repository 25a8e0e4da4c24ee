// Test-only loader for the public CDNOW sample (Fader & Hardie) kept in ../shared/data/cdnow.
// The library itself does no file I/O; only the tests import this module.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { Transactions } from './summary.js';

const CDNOW_DIR = fileURLToPath(new URL('../../../../shared/data/cdnow/', import.meta.url));

export const CALIBRATION_END = dayNumber(19970930);
export const HOLDOUT_END = dayNumber(19980630);

/** Days since 1970-01-01 of a yyyymmdd integer. */
export function dayNumber(yyyymmdd: number): number {
  const year = Math.floor(yyyymmdd / 10000);
  const month = Math.floor(yyyymmdd / 100) % 100;
  const day = yyyymmdd % 100;
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/** CDNOW_sample.txt: `master_id sample_id yyyymmdd cds dollars`; customer index = sample_id − 1. */
export function loadCdnowSample(): Transactions {
  const lines = readFileSync(`${CDNOW_DIR}CDNOW_sample.txt`, 'utf8').split(/\r?\n/).filter(Boolean);
  const customer = new Uint32Array(lines.length);
  const day = new Int32Array(lines.length);
  const amount = new Float64Array(lines.length);
  lines.forEach((line, i) => {
    const [, sampleId, date, , dollars] = line.trim().split(/\s+/);
    customer[i] = Number(sampleId) - 1;
    day[i] = dayNumber(Number(date));
    amount[i] = Number(dollars);
  });
  return { customer, day, amount };
}

/** Rows of a CDNOW summary CSV (header skipped), as numbers. */
export function loadCdnowCsv(name: string): number[][] {
  const lines = readFileSync(`${CDNOW_DIR}${name}`, 'utf8').split(/\r?\n/).filter(Boolean);
  return lines.slice(1).map((line) => line.split(',').map(Number));
}
