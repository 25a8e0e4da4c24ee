import type { MigrationCell } from '../api/grading.api';

/**
 * Cells (grade indexes, −1 for "not graded in that run") as a matrix whose last row is "not graded before" and
 * whose last column is "not graded after" — the shape the what-if API already sends.
 */
export function migrationMatrix(
  cells: readonly MigrationCell[],
  fromGrades: number,
  toGrades: number,
): number[][] {
  const matrix = Array.from({ length: fromGrades + 1 }, () => new Array<number>(toGrades + 1).fill(0));
  for (const cell of cells) {
    const row = matrix[cell.from < 0 ? fromGrades : cell.from];
    const column = cell.to < 0 ? toGrades : cell.to;
    if (row && column <= toGrades) row[column] = (row[column] ?? 0) + cell.count;
  }
  return matrix;
}

/** Customers whose grade differs between the two sides, counting entries and exits. */
export function movedCount(matrix: readonly (readonly number[])[]): number {
  return matrix.reduce(
    (sum, row, from) => sum + row.reduce((rowSum, count, to) => rowSum + (from === to ? 0 : count), 0),
    0,
  );
}
