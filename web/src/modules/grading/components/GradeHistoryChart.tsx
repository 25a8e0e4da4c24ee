import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../shared/charts/Chart';
import { formatDate, formatDateTime } from '../../../shared/format/dates';
import { pickLocalised } from '../../../shared/format/localised';
import type { Grade, GradeChange } from '../api/grading.api';
import { GradeTag, gradeAt } from './GradeTag';

/**
 * A model's grade over time as a step line (best grade on top) by the date the grade speaks for, and the list of
 * changes with when they were recorded, their cause, and that date when it differs (a run as of a past day).
 */
export function GradeHistoryChart({
  changes,
  ladder,
  exportName,
}: {
  changes: readonly GradeChange[];
  ladder: readonly Grade[];
  exportName: string;
}) {
  const { t, i18n } = useTranslation();
  const ordered = [...changes].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
  if (ordered.length === 0)
    return <Typography.Text type="secondary">{t('gradeHistory.empty')}</Typography.Text>;
  const names = ladder.map((g) => pickLocalised(g.name, i18n.language));
  const points = ordered
    .filter((c) => c.toGrade !== null)
    .map((c) => [c.asOf ?? c.at.slice(0, 10), names[c.toGrade ?? 0] ?? ''] as [string, string]);
  return (
    <>
      <Chart
        height={200}
        exportName={exportName}
        option={{
          grid: { left: 90, right: 24, top: 24, bottom: 30 },
          tooltip: { trigger: 'axis' },
          xAxis: { type: 'category', data: points.map((p) => formatDate(p[0])) },
          yAxis: { type: 'category', data: [...names].reverse() },
          series: [{ type: 'line', step: 'end', data: points.map((p) => p[1]), symbolSize: 8 }],
        }}
      />
      <Timeline
        style={{ marginTop: 12 }}
        items={[...ordered]
          .reverse()
          .slice(0, 12)
          .map((c) => ({
            key: c.id,
            content: (
              <span>
                {formatDateTime(c.at)} · {t(`gradeCause.${c.cause}`)}:{' '}
                <GradeTag grade={gradeAt(ladder, c.fromGrade)} /> →{' '}
                <GradeTag grade={gradeAt(ladder, c.toGrade)} />
                {c.score !== null && <Typography.Text type="secondary">{c.score.toFixed(1)}</Typography.Text>}
                {c.asOf && formatDate(c.asOf) !== formatDate(c.at) && (
                  <Typography.Text type="secondary">
                    {t('gradeHistory.asOf', { date: formatDate(c.asOf) })}
                  </Typography.Text>
                )}
              </span>
            ),
          }))}
      />
    </>
  );
}
