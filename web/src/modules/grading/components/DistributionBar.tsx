import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { pickLocalised } from '../../../shared/format/localised';
import type { Grade } from '../api/grading.api';

/** A run's grade counts as one thin stacked bar in ladder colours, for lists. */
export function DistributionBar({
  ladder,
  counts,
  width = 180,
}: {
  ladder: readonly Grade[];
  counts: readonly number[];
  width?: number;
}) {
  const { i18n } = useTranslation();
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return <span>—</span>;
  return (
    <div
      style={{
        display: 'flex',
        width,
        height: 12,
        borderRadius: 3,
        overflow: 'hidden',
        background: '#f0f0f0',
      }}
    >
      {counts.map((count, i) =>
        count > 0 ? (
          <Tooltip
            key={i}
            title={`${pickLocalised(ladder[i]?.name, i18n.language)}: ${count.toLocaleString()}`}
          >
            <div style={{ width: `${(count / total) * 100}%`, background: ladder[i]?.color ?? '#8c8c8c' }} />
          </Tooltip>
        ) : null,
      )}
    </div>
  );
}

/** The API's sparse distribution ({grade, count}) as one count per ladder grade. */
export function countsByGrade(
  distribution: readonly { grade: number; count: number }[],
  grades: number,
): number[] {
  const counts = new Array<number>(grades).fill(0);
  for (const { grade, count } of distribution) if (grade >= 0 && grade < grades) counts[grade] = count;
  return counts;
}
