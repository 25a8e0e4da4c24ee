import { useEffect, useState } from 'react';
import { App, Button, Col, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../shared/api/client';
import { PagePanel } from '../shared/components/PagePanel';
import { QueryState } from '../shared/components/QueryState';
import { AdminTeamFilter } from '../modules/users/components/AdminTeamFilter';
import { MovesTable } from '../modules/assignment/components/MovesTable';
import { HeadcountTable, LoadTable, UnfixableTable } from '../modules/assignment/components/PlanTables';
import { useApplyPlan, useAssignmentPlan } from '../modules/assignment/hooks/useAssignment';

export default function AssignmentPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [teamId, setTeamId] = useState<number | undefined>(undefined);
  const plan = useAssignmentPlan(teamId);
  const apply = useApplyPlan();
  const [chosen, setChosen] = useState<Map<number, number>>(new Map());
  useEffect(() => {
    setChosen(new Map((plan.data?.moves ?? []).map((m) => [m.customerId, m.toOwnerId])));
  }, [plan.data]);

  const onApply = async () => {
    try {
      const moves = [...chosen].map(([customerId, toOwnerId]) => ({ customerId, toOwnerId }));
      const result = await apply.mutateAsync({ teamId, moves });
      void message.success(t('assignment.applied', { count: result.applied }));
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields.map((f) => f.message).join('; ') : '';
      void message.error(fields || (error as Error).message);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PagePanel
        title={t('assignment.title')}
        extra={
          <Space wrap>
            <AdminTeamFilter value={teamId} onChange={setTeamId} />
            <Button type="primary" disabled={chosen.size === 0} loading={apply.isPending} onClick={onApply}>
              {t('assignment.apply', { count: chosen.size })}
            </Button>
          </Space>
        }
      >
        <QueryState query={plan}>
          {(data) =>
            data.moves.length === 0 ? (
              <Typography.Text type="secondary">{t('assignment.noMoves')}</Typography.Text>
            ) : (
              <MovesTable moves={data.moves} managers={data.managers} chosen={chosen} onChange={setChosen} />
            )
          }
        </QueryState>
      </PagePanel>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <PagePanel title={t('assignment.headcount')}>
            <QueryState query={plan}>
              {(data) => (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <HeadcountTable lines={data.headcount} />
                  <Typography.Text type="secondary">{t('assignment.headcountNote')}</Typography.Text>
                </Space>
              )}
            </QueryState>
          </PagePanel>
        </Col>
        <Col xs={24} xl={12}>
          <PagePanel title={t('assignment.loads')}>
            <QueryState query={plan}>{(data) => <LoadTable managers={data.managers} />}</QueryState>
          </PagePanel>
        </Col>
      </Row>
      <PagePanel title={t('assignment.unfixable')}>
        <QueryState
          query={plan}
          isEmpty={(data) => data.unfixable.length === 0}
          emptyText={t('assignment.allFixable')}
        >
          {(data) => <UnfixableTable items={data.unfixable} />}
        </QueryState>
      </PagePanel>
    </Space>
  );
}
