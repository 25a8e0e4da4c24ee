import { useState } from 'react';
import { Alert, App, InputNumber, Modal, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../shared/api/error-text';
import { QueryState } from '../../../shared/components/QueryState';
import { formatMoney, sumMoney } from '../../../shared/format/money';
import type { TargetChange, TargetGrid } from '../api/orders.api';
import { useSetTargets, useTargetGrid } from '../hooks/useSales';

type Edits = Record<string, string | null>;
const cellKey = (userId: number, month: number) => `${userId}|${month}`;

/**
 * A year's monthly targets of the account managers the user sees, edited in place (amounts as typed: InputNumber's
 * string mode) and saved in one request, only the cells that changed. Managers edit their team's reps; their own
 * row is read-only, as the server decides.
 */
export function TargetsDialog({ onClose, ownUserId }: { onClose: () => void; ownUserId: number | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [year, setYear] = useState(() => dayjs().year());
  const [edits, setEdits] = useState<Edits>({});
  const grid = useTargetGrid(year);
  const save = useSetTargets();
  const valueOf = (user: TargetGrid['users'][number], month: number) => {
    const key = cellKey(user.userId, month);
    return key in edits ? edits[key]! : user.months[month];
  };
  const changes = (): TargetChange[] =>
    Object.entries(edits).map(([key, amount]) => {
      const [userId, month] = key.split('|').map(Number) as [number, number];
      return { userId, month: `${year}-${String(month + 1).padStart(2, '0')}`, amount };
    });

  const submit = () => {
    const list = changes();
    if (list.length === 0) return onClose();
    save.mutate(list, {
      onSuccess: (result) => {
        void message.success(t('sales.targetsSaved', { count: result.updated }));
        onClose();
      },
      onError: (error) => void message.error(errorText(error)),
    });
  };

  return (
    <Modal
      open
      width={1280}
      title={
        <Space>
          {t('sales.targetsTitle')}
          <InputNumber
            aria-label={t('sales.targetsYear')}
            min={2000}
            max={2100}
            value={year}
            onChange={(value) => {
              if (value) {
                setYear(value);
                setEdits({});
              }
            }}
          />
        </Space>
      }
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      okButtonProps={{ loading: save.isPending }}
      onOk={submit}
      onCancel={onClose}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Alert type="info" showIcon title={t('sales.targetsHint')} />
        <QueryState query={grid}>
          {(data) => (
            <Table
              size="small"
              rowKey="userId"
              pagination={false}
              dataSource={data.users}
              data-testid="targets-table"
              scroll={{ x: 'max-content' }}
              columns={[
                {
                  title: t('sales.owner'),
                  fixed: 'left',
                  render: (_, user) => (
                    <Space orientation="vertical" size={0}>
                      <Typography.Text strong>{user.userName}</Typography.Text>
                      <Typography.Text type="secondary">{user.teamName}</Typography.Text>
                    </Space>
                  ),
                },
                ...Array.from({ length: 12 }, (_, month) => ({
                  key: month,
                  title: dayjs().month(month).format('MMM'),
                  render: (_: unknown, user: TargetGrid['users'][number]) => (
                    <InputNumber<string>
                      aria-label={`${user.userName} ${dayjs().month(month).format('MMM')}`}
                      stringMode
                      min="0"
                      precision={2}
                      controls={false}
                      disabled={user.userId === ownUserId}
                      value={valueOf(user, month)}
                      onChange={(value) =>
                        setEdits((current) => ({ ...current, [cellKey(user.userId, month)]: value ?? null }))
                      }
                      style={{ width: 96 }}
                    />
                  ),
                })),
                {
                  title: t('sales.total'),
                  align: 'right' as const,
                  // The row as edited, not as saved: what the year will total once saved.
                  render: (_, user) =>
                    formatMoney(sumMoney(Array.from({ length: 12 }, (_, month) => valueOf(user, month)))),
                },
              ]}
            />
          )}
        </QueryState>
      </Space>
    </Modal>
  );
}
