import { Card, Col, Row, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { violationKinds, type ComplianceSummary, type ViolationKind } from '../api/compliance.api';

type TeamGroup = ComplianceSummary['byTeam'][number];
type OwnerGroup = ComplianceSummary['byOwner'][number];
type Group = Pick<TeamGroup, 'checked' | 'violating' | 'kinds'>;

interface CountsProps {
  summary: ComplianceSummary;
  kind: ViolationKind | undefined;
  onKind: (kind: ViolationKind | undefined) => void;
}

/** One card per kind (a click filters the list below), then the counts per team and per account manager. */
export function ComplianceCounts({ summary, kind, onKind }: CountsProps) {
  const { t } = useTranslation();
  const kindColumns = violationKinds.map((k) => ({
    title: t(`compliance.kind.${k}`),
    dataIndex: ['kinds', k],
    width: 110,
    align: 'right' as const,
  }));
  const groupColumns = <Row extends Group>(nameTitle: string, nameOf: (row: Row) => string) => [
    { title: nameTitle, render: (_: unknown, row: Row) => nameOf(row), width: 140 },
    { title: t('compliance.checked'), dataIndex: 'checked', width: 90, align: 'right' as const },
    { title: t('compliance.violating'), dataIndex: 'violating', width: 90, align: 'right' as const },
    ...kindColumns,
  ];
  return (
    <>
      <Row gutter={[12, 12]}>
        {violationKinds.map((k) => (
          <Col key={k} flex="1 1 160px">
            <Card
              size="small"
              hoverable
              onClick={() => onKind(kind === k ? undefined : k)}
              style={kind === k ? { borderColor: '#1677ff' } : undefined}
              data-testid={`compliance-kind-${k}`}
            >
              <Statistic title={t(`compliance.kind.${k}`)} value={summary.kinds[k]} />
            </Card>
          </Col>
        ))}
      </Row>
      <Table<TeamGroup>
        rowKey={(row) => String(row.teamId)}
        size="small"
        pagination={false}
        title={() => t('compliance.byTeam')}
        dataSource={summary.byTeam}
        scroll={{ x: 1000 }}
        columns={groupColumns<TeamGroup>(
          t('compliance.team'),
          (row) => row.teamName ?? t('compliance.noTeam'),
        )}
      />
      <Table<OwnerGroup>
        rowKey={(row) => String(row.ownerId)}
        size="small"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        title={() => t('compliance.byOwner')}
        dataSource={summary.byOwner}
        scroll={{ x: 1000 }}
        columns={groupColumns<OwnerGroup>(
          t('compliance.owner'),
          (row) => row.ownerName ?? t('compliance.noOwner'),
        )}
      />
    </>
  );
}
