import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Popconfirm,
  Row,
  Segmented,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useActor } from '../../auth/hooks/useSession';
import { ExportMenu } from '../../../shared/components/ExportMenu';
import { QueryState } from '../../../shared/components/QueryState';
import { formatDate, formatDateTime } from '../../../shared/format/dates';
import { pickLocalised } from '../../../shared/format/localised';
import { gradingApi, type CustomerGrade } from '../api/grading.api';
import { useCustomerGrades, useGradeHistory, useOverride } from '../hooks/useGrading';
import { ExplanationCard } from './ExplanationCard';
import { GradeHistoryChart } from './GradeHistoryChart';
import { GradeTag } from './GradeTag';
import { OverrideModal } from './OverrideModal';

const statusColours = { computed: 'default', held: 'gold', override: 'purple' } as const;

function RemoveOverride({ customerId, grade }: { customerId: number; grade: CustomerGrade }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { remove } = useOverride(customerId, grade.modelId);
  return (
    <Popconfirm
      title={t('override.removeConfirm')}
      onConfirm={() =>
        remove.mutateAsync().then(
          () => void message.success(t('override.removed')),
          (error: Error) => void message.error(error.message),
        )
      }
    >
      <Button size="small" danger loading={remove.isPending}>
        {t('override.remove')}
      </Button>
    </Popconfirm>
  );
}

function GradesTable({
  customerId,
  grades,
  selected,
  onSelect,
}: {
  customerId: number;
  grades: CustomerGrade[];
  selected: number;
  onSelect: (modelId: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const actor = useActor();
  const [overriding, setOverriding] = useState<CustomerGrade | null>(null);
  const canOverride = actor.role !== 'rep';
  return (
    <>
      <Table
        size="small"
        rowKey="modelId"
        pagination={false}
        dataSource={grades}
        data-testid="customer-grades"
        rowClassName={(g) => (g.modelId === selected ? 'ant-table-row-selected' : '')}
        onRow={(g) => ({ onClick: () => onSelect(g.modelId), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('grades.model'),
            key: 'model',
            render: (_, g) => pickLocalised(g.modelName, i18n.language),
          },
          {
            title: t('grades.grade'),
            key: 'grade',
            render: (_, g) => <GradeTag grade={g.ladder.find((l) => l.code === g.grade)} />,
          },
          {
            title: t('grades.score'),
            key: 'score',
            align: 'right',
            render: (_, g) => g.score?.toFixed(1) ?? '—',
          },
          {
            title: t('grades.status'),
            key: 'status',
            render: (_, g) =>
              g.status ? (
                <Space size={4} wrap>
                  <Tag color={statusColours[g.status]}>{t(`gradeStatus.${g.status}`)}</Tag>
                  {g.override && (
                    <Typography.Text type="secondary">
                      {g.override.reason}
                      {g.override.expiresOn &&
                        ` · ${t('override.until', { date: formatDate(g.override.expiresOn) })}`}
                    </Typography.Text>
                  )}
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('grades.notGraded')}</Typography.Text>
              ),
          },
          { title: t('grades.since'), key: 'since', render: (_, g) => formatDateTime(g.since) || '—' },
          ...(canOverride
            ? [
                {
                  title: t('grades.actions'),
                  key: 'actions',
                  render: (_: unknown, g: CustomerGrade) => (
                    <Space size={4} onClick={(event) => event.stopPropagation()}>
                      <Button size="small" onClick={() => setOverriding(g)}>
                        {t('override.set')}
                      </Button>
                      {g.override && <RemoveOverride customerId={customerId} grade={g} />}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {overriding && (
        <OverrideModal customerId={customerId} grade={overriding} onClose={() => setOverriding(null)} />
      )}
    </>
  );
}

function ModelDetail({ customerId, grade }: { customerId: number; grade: CustomerGrade }) {
  const { t, i18n } = useTranslation();
  const history = useGradeHistory(customerId);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        {grade.status ? (
          <ExplanationCard customerId={customerId} modelId={grade.modelId} ladder={grade.ladder} />
        ) : (
          <Card size="small">
            <Empty description={t('grades.notGraded')} />
          </Card>
        )}
      </Col>
      <Col xs={24} xl={10}>
        <Card
          size="small"
          title={t('gradeHistory.title')}
          extra={
            <ExportMenu
              href={(format) => gradingApi.historyExportUrl({ customerId, modelId: grade.modelId }, format)}
            />
          }
        >
          <QueryState query={history}>
            {(data) => (
              <GradeHistoryChart
                changes={data.items.filter((c) => c.modelId === grade.modelId)}
                ladder={grade.ladder}
                exportName={`${pickLocalised(grade.modelName, i18n.language)}-${customerId}`}
              />
            )}
          </QueryState>
        </Card>
      </Col>
    </Row>
  );
}

/** The customer's grade under every active model, with the chosen model's explanation and history. */
export function CustomerGrading({ customerId }: { customerId: number }) {
  const { i18n } = useTranslation();
  const grades = useCustomerGrades(customerId);
  const [selected, setSelected] = useState<number | null>(null);
  return (
    <QueryState query={grades} isEmpty={(data) => data.items.length === 0}>
      {(data) => {
        const current = data.items.find((g) => g.modelId === selected) ?? data.items[0];
        if (!current) return null;
        return (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <GradesTable
              customerId={customerId}
              grades={data.items}
              selected={current.modelId}
              onSelect={setSelected}
            />
            <Segmented
              value={current.modelId}
              onChange={(value) => setSelected(Number(value))}
              options={data.items.map((g) => ({
                value: g.modelId,
                label: pickLocalised(g.modelName, i18n.language),
              }))}
            />
            <ModelDetail customerId={customerId} grade={current} />
          </Space>
        );
      }}
    </QueryState>
  );
}

/** The current grades as coloured tags, for the customer's header. */
export function CustomerGradeTags({ customerId }: { customerId: number }) {
  const { i18n } = useTranslation();
  const { data } = useCustomerGrades(customerId);
  return (
    <Space size={[0, 4]} wrap data-testid="customer-grade-tags">
      {(data?.items ?? [])
        .filter((g) => g.grade)
        .map((g) => (
          <GradeTag
            key={g.modelId}
            grade={g.ladder.find((l) => l.code === g.grade)}
            suffix={` · ${pickLocalised(g.modelName, i18n.language).split(/[（(]/)[0]}`}
          />
        ))}
    </Space>
  );
}
