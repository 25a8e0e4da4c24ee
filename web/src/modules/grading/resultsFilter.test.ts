import { describe, expect, it } from 'vitest';
import { comparedWith, parseRunResultsFilter, runResultsPath } from './resultsFilter';

const parsePath = (path: string) => parseRunResultsFilter(new URLSearchParams(path.split('?')[1] ?? ''));

describe("the run page's results filter in its address", () => {
  it("a migration cell's or a composition bar's link reads back as the same filter, the dashboard's filters included", () => {
    const filter = {
      against: 11,
      fromGrade: -1,
      grade: 0,
      teamId: [2, 3],
      ownerId: [7],
      province: ['江苏省', '浙江省'],
      industry: ['制造业'],
      sizeBand: ['large', 'xlarge'],
      nature: ['soe'],
      type: ['customer'],
      lifecycle: ['closed_growing'],
      moved: true,
    };
    const path = runResultsPath(12, filter);
    expect(path.startsWith('/grading/runs/12?')).toBe(true);
    expect(parsePath(path)).toEqual(filter);
  });

  it('no filter gives the bare run page', () => {
    expect(runResultsPath(5, {})).toBe('/grading/runs/5');
    expect(parsePath('/runs/5')).toEqual({
      teamId: undefined,
      ownerId: undefined,
      province: undefined,
      industry: undefined,
      sizeBand: undefined,
      nature: undefined,
      type: undefined,
      lifecycle: undefined,
      against: undefined,
      grade: undefined,
      fromGrade: undefined,
      moved: undefined,
    });
  });

  it('grades on the compared side, "not graded now" and the movers are dropped when there is no run to compare with', () => {
    const filter = parsePath('/runs/5?fromGrade=1&grade=-1&moved=true&province=江苏省');
    expect(comparedWith(filter, undefined)).toMatchObject({
      fromGrade: undefined,
      grade: undefined,
      moved: undefined,
      province: ['江苏省'],
    });
    expect(comparedWith(filter, 4)).toMatchObject({ against: 4, fromGrade: 1, grade: -1, moved: true });
    expect(comparedWith(parsePath('/runs/5?grade=2'), undefined).grade).toBe(2);
  });

  it('malformed values are left out rather than guessed', () => {
    const filter = parsePath('/runs/5?against=x&grade=1.5&teamId=a,0,4&province=');
    expect(filter.against).toBeUndefined();
    expect(filter.grade).toBeUndefined();
    expect(filter.teamId).toEqual([4]);
    expect(filter.province).toBeUndefined();
  });
});
