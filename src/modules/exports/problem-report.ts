import type { Locale } from '../../server/messages.js';
import type { ImportFile, ImportResult } from '../imports/pipeline.js';
import type { Problem } from '../imports/problems.js';
import { openSource } from '../imports/source.js';
import type { ExportCell, ExportTable } from './table-output.js';

/**
 * The rows of an import that have problems, each as it was in the file, with the file, row number and a column
 * saying what is wrong with it: the user fixes the rows in this sheet and imports them again. The files are read again
 * (with the encoding, delimiter and sheet the import used), so the report needs them still on disk.
 */
export function problemReportTable(
  result: ImportResult,
  files: readonly ImportFile[],
  locale: Locale,
): ExportTable {
  const zh = locale === 'zh-CN';
  const header = [
    zh ? '文件' : 'File',
    zh ? '行号' : 'Row',
    zh ? '问题' : 'Problems',
    ...(result.files[0]?.headers ?? []),
  ];
  const byFile = new Map<string, Map<number, Problem[]>>();
  for (const problem of result.problems) {
    const rows = byFile.get(problem.file) ?? new Map<number, Problem[]>();
    rows.set(problem.row, [...(rows.get(problem.row) ?? []), problem]);
    byFile.set(problem.file, rows);
  }
  const describe = (problems: readonly Problem[]) =>
    problems
      .map(
        (p) =>
          `${p.column}: ${p.message[locale]}${p.value === '' ? '' : zh ? `（${p.value}）` : ` (${p.value})`}`,
      )
      .join(zh ? '；' : '; ');
  async function* rows(): AsyncGenerator<ExportCell[]> {
    for (const [index, file] of files.entries()) {
      const summary = result.files[index];
      const problemRows = summary ? byFile.get(summary.name) : undefined;
      if (!summary || !problemRows) continue;
      const source = await openSource(
        file.path,
        { encoding: summary.encoding, delimiter: summary.delimiter, sheet: summary.sheet },
        summary.name,
      );
      let left = problemRows.size;
      for await (const row of source.rows()) {
        const problems = problemRows.get(row.rowNumber);
        if (!problems) continue;
        yield [summary.name, row.rowNumber, describe(problems), ...row.cells];
        if (--left === 0) break;
      }
    }
  }
  return { sheet: zh ? '问题' : 'Problems', header, rows: rows() };
}
