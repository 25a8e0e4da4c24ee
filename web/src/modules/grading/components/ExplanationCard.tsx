import { Alert, Card, Descriptions, Flex, Progress, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../shared/components/QueryState';
import { formatDate } from '../../../shared/format/dates';
import { pickLocalised } from '../../../shared/format/localised';
import type { Explanation, Grade } from '../api/grading.api';
import { useExplanation } from '../hooks/useGrading';
import { formatMetricValue } from './factorValue';
import { GradeTag } from './GradeTag';

const score = (value: number | null | undefined) =>
  value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(1);

function FactorTable({ explanation }: { explanation: Explanation }) {
  const { t, i18n } = useTranslation();
  const widest = Math.max(1, ...explanation.factors.map((f) => f.contribution ?? 0));
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="path"
      dataSource={explanation.factors}
      data-testid="explanation-factors"
      columns={[
        {
          title: t('explanation.factor'),
          key: 'name',
          render: (_, f) => (
            <span style={{ paddingLeft: f.depth * 16, fontWeight: f.depth === 0 ? 600 : 400 }}>
              {pickLocalised(f.name, i18n.language)}
            </span>
          ),
        },
        {
          title: t('explanation.raw'),
          key: 'raw',
          align: 'right',
          render: (_, f) => (f.metric ? formatMetricValue(f.raw, f.unit, t) : ''),
        },
        {
          title: t('explanation.score'),
          key: 'score',
          width: 160,
          render: (_, f) => (
            <Progress
              percent={Number.isFinite(f.score) ? (f.score ?? 0) : 0}
              size="small"
              format={() => score(f.score)}
            />
          ),
        },
        {
          title: t('explanation.weight'),
          key: 'weight',
          align: 'right',
          render: (_, f) => `${(f.weight * 100).toFixed(1)}%`,
        },
        {
          title: t('explanation.contribution'),
          key: 'contribution',
          width: 180,
          render: (_, f) => (
            <Progress
              percent={((f.contribution ?? 0) / widest) * 100}
              strokeColor="#722ed1"
              size="small"
              status="normal"
              format={() => score(f.contribution)}
            />
          ),
        },
      ]}
    />
  );
}

function NextGrade({ explanation, ladder }: { explanation: Explanation; ladder: readonly Grade[] }) {
  const { t, i18n } = useTranslation();
  const next = explanation.nextGrade;
  if (!next) return <Alert type="success" showIcon title={t('explanation.topGrade')} />;
  const others = next.suggestions.filter((s) => s.path !== next.best?.path);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        data-testid="next-grade"
        title={
          <Space wrap>
            {t('explanation.toReach')}
            <GradeTag
              grade={ladder.find((g) => g.code === next.code) ?? { code: next.code, name: next.name }}
            />
            {t('explanation.needsScore', { score: next.score.toFixed(1) })}
          </Space>
        }
        description={
          next.best ? pickLocalised(next.best.text, i18n.language) : pickLocalised(next.text, i18n.language)
        }
      />
      {others.length > 0 && (
        <div>
          <Typography.Text type="secondary">{t('explanation.otherWays')}</Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {others.map((s) => (
              <li key={pickLocalised(s.text, i18n.language)}>{pickLocalised(s.text, i18n.language)}</li>
            ))}
          </ul>
        </div>
      )}
    </Space>
  );
}

/** Why the customer has its grade under one model, and what would lift it a grade. */
export function ExplanationCard({
  customerId,
  modelId,
  ladder,
}: {
  customerId: number;
  modelId: number;
  ladder: readonly Grade[];
}) {
  const { t, i18n } = useTranslation();
  const query = useExplanation(customerId, modelId, true);
  return (
    <Card size="small" title={t('explanation.title')}>
      <QueryState query={query}>
        {(explanation) => (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Descriptions size="small" column={3}>
              <Descriptions.Item label={t('explanation.grade')}>
                <GradeTag
                  grade={ladder.find((g) => g.code === explanation.grade.code) ?? explanation.grade}
                />
              </Descriptions.Item>
              <Descriptions.Item label={t('explanation.totalScore')}>
                <Typography.Text strong data-testid="explanation-score">
                  {score(explanation.score)}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('explanation.asOf')}>
                {formatDate(explanation.asOf)}
              </Descriptions.Item>
            </Descriptions>
            {explanation.factors.length > 0 && <FactorTable explanation={explanation} />}
            {explanation.boundaries.length > 0 && (
              <Flex wrap gap={8} align="center">
                <Typography.Text type="secondary">{t('explanation.boundaries')}</Typography.Text>
                {explanation.boundaries.map((b) => (
                  <Tag key={b.code} color={ladder.find((g) => g.code === b.code)?.color ?? undefined}>
                    {pickLocalised(b.name, i18n.language)} ≥{' '}
                    {b.minScore === null ? '—' : b.minScore.toFixed(1)}
                  </Tag>
                ))}
              </Flex>
            )}
            <NextGrade explanation={explanation} ladder={ladder} />
          </Space>
        )}
      </QueryState>
    </Card>
  );
}
