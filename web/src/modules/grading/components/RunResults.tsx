import { useState } from 'react';
import { Button, Checkbox, Select, Space, Table, Tag, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CursorPager, useCursors } from '../../../shared/components/CursorPager';
import { QueryState } from '../../../shared/components/QueryState';
import { pickLocalised } from '../../../shared/format/localised';
import { useActor } from '../../auth/hooks/useSession';
import { BulkAssignBar } from '../../customers/components/BulkAssignBar';
import type { Grade, Run, RunResult } from '../api/grading.api';
import { useRunResults } from '../hooks/useGrading';
import { narrowsCustomers, type RunResultsFilter } from '../resultsFilter';
import { GradeTag, gradeAt } from './GradeTag';
import { ResultsFilterTags } from './ResultsFilterTags';

/** The ladders of the run and of the run it is compared with: their model versions may name grades differently. */
export interface Ladders {
  now: readonly Grade[];
  before: readonly Grade[];
}

const signed = (value: number) => `${value > 0 ? '+' : ''}${value.toFixed(2)}`;

/**
 * The run's results the filter keeps: a grade here, a grade in the compared run (a migration cell), and the
 * dashboard's filters; compared with another run, each customer's grade there and the change of score. A manager
 * or an admin selects customers across pages and gives them a new account manager.
 */
export function RunResults({
  run,
  ladders,
  filter,
  onFilter,
}: {
  run: Run;
  ladders: Ladders;
  filter: RunResultsFilter;
  onFilter: (filter: RunResultsFilter) => void;
}) {
  const { t, i18n } = useTranslation();
  const cursors = useCursors(filter);
  const results = useRunResults(run.id, filter, cursors.cursor);
  const compared = filter.against;
  const canAssign = useActor().role !== 'rep';
  const [selected, setSelected] = useState<number[]>([]);
  const options = (ladder: readonly Grade[]) =>
    ladder.map((g, i) => ({ value: i, label: pickLocalised(g.name, i18n.language) }));
  const narrowed =
    filter.grade !== undefined || filter.fromGrade !== undefined || filter.moved || narrowsCustomers(filter);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {compared !== undefined && (
          <>
            <Select
              allowClear
              style={{ width: 240 }}
              prefix={t('runDetail.inRun', { id: compared })}
              placeholder={t('runDetail.allGrades')}
              aria-label={t('runDetail.fromGradeFilter', { id: compared })}
              value={filter.fromGrade}
              onChange={(fromGrade?: number) => onFilter({ ...filter, fromGrade })}
              options={[
                ...options(ladders.before),
                { value: -1, label: t('runDetail.notGradedThen', { id: compared }) },
              ]}
            />
            <ArrowRightOutlined aria-hidden />
          </>
        )}
        <Select
          allowClear
          style={{ width: 240 }}
          prefix={compared === undefined ? undefined : t('runDetail.thisRun')}
          placeholder={t('runDetail.allGrades')}
          aria-label={t('runDetail.gradeFilter')}
          value={filter.grade}
          onChange={(grade?: number) => onFilter({ ...filter, grade })}
          options={
            compared === undefined
              ? options(ladders.now)
              : [...options(ladders.now), { value: -1, label: t('runDetail.notGradedNow') }]
          }
        />
        {compared !== undefined && (
          <Checkbox
            checked={filter.moved ?? false}
            onChange={(event) => onFilter({ ...filter, moved: event.target.checked || undefined })}
          >
            {t('runDetail.movedOnly')}
          </Checkbox>
        )}
        <ResultsFilterTags filter={filter} onFilter={onFilter} />
        {narrowed && (
          <Button type="link" onClick={() => onFilter({ against: filter.against })}>
            {t('runDetail.clearFilters')}
          </Button>
        )}
      </Space>
      <QueryState query={results}>
        {(page) => (
          <>
            {selected.length > 0 && (
              <BulkAssignBar
                selected={selected}
                onDone={() => {
                  setSelected([]);
                  void results.refetch();
                }}
              />
            )}
            <Table
              size="small"
              rowKey="customerId"
              pagination={false}
              dataSource={page.items}
              rowSelection={
                canAssign
                  ? {
                      selectedRowKeys: selected,
                      preserveSelectedRowKeys: true,
                      onChange: (keys) => setSelected(keys as number[]),
                    }
                  : undefined
              }
              data-testid="run-results"
              scroll={{ x: true }}
              columns={[
                { title: t('customer.code'), dataIndex: 'code', key: 'code' },
                {
                  title: t('customer.name'),
                  key: 'name',
                  render: (_, r) => <Link to={`/customers/${r.customerId}`}>{r.name}</Link>,
                },
                { title: t('customer.owner'), dataIndex: 'ownerName', key: 'owner' },
                ...(compared === undefined
                  ? []
                  : [
                      {
                        title: t('runDetail.gradeIn', { id: compared }),
                        key: 'previousGrade',
                        render: (_: unknown, r: RunResult) => (
                          <GradeTag grade={gradeAt(ladders.before, r.previousGrade)} />
                        ),
                      },
                    ]),
                {
                  title: compared === undefined ? t('grades.grade') : t('runDetail.gradeNow'),
                  key: 'grade',
                  render: (_, r) => <GradeTag grade={gradeAt(ladders.now, r.grade)} />,
                },
                {
                  title: t('grades.status'),
                  key: 'status',
                  render: (_, r) =>
                    r.status === 1 || r.status === 2 ? (
                      <Tag color={r.status === 2 ? 'purple' : 'gold'}>
                        {t(r.status === 2 ? 'gradeStatus.override' : 'gradeStatus.held')}
                      </Tag>
                    ) : null,
                },
                {
                  title: t('grades.score'),
                  key: 'score',
                  align: 'right',
                  render: (_, r) => r.score?.toFixed(2) ?? '—',
                },
                ...(compared === undefined
                  ? []
                  : [
                      {
                        title: t('runDetail.scoreChange'),
                        key: 'scoreChange',
                        align: 'right' as const,
                        render: (_: unknown, r: RunResult) =>
                          r.score === null || r.previousScore === null ? (
                            '—'
                          ) : (
                            <Typography.Text
                              type={
                                r.score > r.previousScore
                                  ? 'success'
                                  : r.score < r.previousScore
                                    ? 'danger'
                                    : undefined
                              }
                            >
                              {signed(r.score - r.previousScore)}
                            </Typography.Text>
                          ),
                      },
                    ]),
              ]}
            />
            <CursorPager
              cursors={cursors}
              nextCursor={page.nextCursor}
              summary={t('state.total', { total: page.total.toLocaleString() })}
            />
          </>
        )}
      </QueryState>
    </Space>
  );
}
