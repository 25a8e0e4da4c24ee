import { describe, expect, it } from 'vitest';
import { migrationMatrix, movedCount } from './migration';

describe('migrationMatrix', () => {
  it('puts customers new to the second run in the last row and those gone in the last column', () => {
    const matrix = migrationMatrix(
      [
        { from: 0, to: 0, count: 3 },
        { from: 0, to: 1, count: 2 },
        { from: -1, to: 1, count: 4 },
        { from: 1, to: -1, count: 1 },
      ],
      2,
      2,
    );
    expect(matrix).toEqual([
      [3, 2, 0],
      [0, 0, 1],
      [0, 4, 0],
    ]);
  });
  it('is all zeros without cells', () =>
    expect(migrationMatrix([], 1, 1)).toEqual([
      [0, 0],
      [0, 0],
    ]));
});

describe('movedCount', () => {
  it('counts everything off the diagonal', () =>
    expect(
      movedCount([
        [3, 2, 0],
        [0, 5, 1],
        [0, 4, 0],
      ]),
    ).toBe(7));
});
