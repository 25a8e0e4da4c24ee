import { detectHeader } from './header.js';
import type { ImportEntity } from './fields.js';
import { autoMap, type Mapping } from './mapping.js';
import { openSource, type SourceOptions } from './source.js';

const SAMPLE_ROWS = 20;

/** What the mapping screen shows: how the file was read, its header, the first rows and the automatic mapping. */
export async function previewFile(path: string, name: string, entity: ImportEntity, options: SourceOptions) {
  const source = await openSource(path, options, name);
  const head: string[][] = [];
  const iterator = source.rows();
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    head.push(next.value.cells);
    if (head.length >= SAMPLE_ROWS + 10) break;
  }
  await iterator.return(undefined);
  const header = detectHeader(entity, head);
  const mapping: Mapping = autoMap(entity, header.headers);
  return {
    format: source.format,
    encoding: source.encoding ?? null,
    delimiter: source.delimiter ?? null,
    sheet: source.sheet ?? null,
    sheets: source.sheets ?? [],
    headers: header.headers,
    rows: head.slice(header.lastHeaderIndex + 1, header.lastHeaderIndex + 1 + SAMPLE_ROWS),
    mapping,
  };
}
