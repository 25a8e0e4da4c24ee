import {
  analyticsQuery,
  type AnalyticsFilter,
  type CompositionDimension,
} from '../analytics/api/analytics.api';

/** The composition dimensions the dashboard's filters do not already hold. */
const compositionOnly = [
  'sizeBand',
  'nature',
  'type',
  'lifecycle',
] as const satisfies readonly CompositionDimension[];
type CompositionOnly = (typeof compositionOnly)[number];

/**
 * Which of a run's results to list: the dashboard's filters, a composition chart's values, a grade, and a
 * comparison run with the grade there — a migration matrix's cell. Grade −1 on either side means "not graded in
 * that run".
 */
export interface RunResultsFilter extends AnalyticsFilter, Partial<Record<CompositionOnly, string[]>> {
  grade?: number;
  against?: number;
  fromGrade?: number;
  /** Only customers graded differently in `against` (or not graded there). */
  moved?: boolean;
}

const numbers = (value: string | null) =>
  value
    ?.split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
const texts = (value: string | null) => value?.split(',').filter(Boolean);
const gradeIndex = (value: string | null) => {
  const n = value === null || value === '' ? NaN : Number(value);
  return Number.isInteger(n) && n >= -1 ? n : undefined;
};
const nonEmpty = <T>(list: T[] | undefined) => (list?.length ? list : undefined);

/** The filter as the API's query string (and the run page's address): one format for both. */
export const runResultsQuery = (
  filter: RunResultsFilter,
  extra: Record<string, number | string | undefined> = {},
) =>
  analyticsQuery(filter, {
    ...Object.fromEntries(compositionOnly.map((key) => [key, filter[key]?.join(',') || undefined])),
    grade: filter.grade,
    against: filter.against,
    fromGrade: filter.fromGrade,
    moved: filter.moved ? 'true' : undefined,
    ...extra,
  });

/** Where a dashboard or a matrix sends the user to see the customers behind a figure. */
export const runResultsPath = (runId: number, filter: RunResultsFilter) =>
  `/grading/runs/${runId}${runResultsQuery(filter)}`;

/** The filter read back from the run page's address; anything malformed is left out, never guessed. */
export function parseRunResultsFilter(search: URLSearchParams): RunResultsFilter {
  return {
    teamId: nonEmpty(numbers(search.get('teamId'))),
    ownerId: nonEmpty(numbers(search.get('ownerId'))),
    province: nonEmpty(texts(search.get('province'))),
    industry: nonEmpty(texts(search.get('industry'))),
    ...Object.fromEntries(compositionOnly.map((key) => [key, nonEmpty(texts(search.get(key)))])),
    against: numbers(search.get('against'))?.[0],
    grade: gradeIndex(search.get('grade')),
    fromGrade: gradeIndex(search.get('fromGrade')),
    moved: search.get('moved') === 'true' || undefined,
  };
}

/**
 * The filter against `against` (the run chosen, else the previous one); with no run to compare with, what needs
 * one — a from-grade, "not graded now", the movers — is dropped rather than sent to be refused.
 */
export function comparedWith(filter: RunResultsFilter, against: number | undefined): RunResultsFilter {
  if (against !== undefined) return { ...filter, against };
  return {
    ...filter,
    against: undefined,
    fromGrade: undefined,
    moved: undefined,
    grade: filter.grade === -1 ? undefined : filter.grade,
  };
}

/** Whether the filter keeps only some of the customers (by team, owner or a composition value), grades aside. */
export const narrowsCustomers = (filter: RunResultsFilter): boolean =>
  [
    filter.teamId,
    filter.ownerId,
    filter.province,
    filter.industry,
    ...compositionOnly.map((key) => filter[key]),
  ].some((values) => values !== undefined && values.length > 0);
