import { useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import { Alert, App, Checkbox, Modal, Radio, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../shared/api/error-text';
import { customersApi, type Customer, type DuplicateMember } from '../api/customers.api';
import { mergeCandidateKey, useMergeCustomers } from '../hooks/useCustomers';
import { isBlank, useCustomerFieldDisplays, type CustomerFieldDisplay } from './customerFields';

interface MergeDialogProps {
  members: DuplicateMember[];
  initialSurvivorId: number;
  onClose: () => void;
}

type Choices = Partial<Record<keyof Customer, number>>;

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The customer whose value a field keeps unless the person chooses: the survivor's, else the first one that has it. */
function defaultSource(field: keyof Customer, survivor: Customer, merged: Customer[]): number {
  if (!isBlank(survivor[field])) return survivor.id;
  return merged.find((customer) => !isBlank(customer[field]))?.id ?? survivor.id;
}

/**
 * Chooses the customer that stays, the ones merged into it, and, for every field on which they differ, whose value
 * is kept; then merges them and opens the survivor.
 */
export function MergeDialog({ members, initialSurvivorId, onClose }: MergeDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const merge = useMergeCustomers();
  const displays = useCustomerFieldDisplays();
  const [survivorId, setSurvivorId] = useState(initialSurvivorId);
  const [mergedIds, setMergedIds] = useState(() =>
    members.map((m) => m.id).filter((id) => id !== initialSurvivorId),
  );
  const [choices, setChoices] = useState<Choices>({});
  const records = useQueries({
    queries: members.map((member) => ({
      queryKey: mergeCandidateKey(member.id),
      queryFn: () => customersApi.get(member.id),
    })),
  });
  const loaded = records.every((record) => record.data);
  const byId = new Map(records.flatMap((record) => (record.data ? [[record.data.id, record.data]] : [])));
  const survivor = byId.get(survivorId);
  const merged = mergedIds.flatMap((id) => byId.get(id) ?? []);
  const involved = survivor ? [survivor, ...merged] : [];

  const rows = (() => {
    if (!survivor) return [];
    const shown = new Map(involved.map((customer) => [customer.id, displays(customer)]));
    return shown
      .get(survivor.id)!
      .filter(
        (display): display is CustomerFieldDisplay & { field: keyof Customer } => display.field !== undefined,
      )
      .filter(({ field }) => involved.some((customer) => !sameValue(customer[field], survivor[field])))
      .map(({ field, labelKey }) => ({
        field,
        labelKey,
        values: new Map(
          involved.map((customer) => [
            customer.id,
            shown.get(customer.id)!.find((display) => display.field === field)!.value,
          ]),
        ),
      }));
  })();

  const sourceOf = (field: keyof Customer) =>
    choices[field] !== undefined && involved.some((c) => c.id === choices[field])
      ? choices[field]!
      : defaultSource(field, survivor!, merged);

  const chooseSurvivor = (id: number) => {
    setSurvivorId(id);
    setMergedIds(members.map((m) => m.id).filter((other) => other !== id));
    setChoices({});
  };

  const submit = () => {
    if (!survivor || merged.length === 0) return;
    const take = Object.fromEntries(
      rows.map(({ field }) => [field, sourceOf(field)]).filter(([, id]) => id !== survivor.id),
    ) as Choices;
    merge.mutate(
      { survivorId: survivor.id, input: { duplicateIds: mergedIds, take } },
      {
        onSuccess: (result) => {
          void message.success(
            t('merge.done', {
              codes: result.merged.map((c) => c.code).join('、'),
              code: result.customer.code,
              orders: result.moved.orders,
              contacts: result.moved.contacts,
            }),
          );
          onClose();
          void navigate(`/customers/${result.customer.id}`);
        },
        onError: (error) => void message.error(errorText(error)),
      },
    );
  };

  const moving = members.filter((member) => mergedIds.includes(member.id));
  const movedOrders = moving.reduce((n, member) => n + member.orderCount, 0);
  const movedContacts = moving.reduce((n, member) => n + member.contactCount, 0);

  return (
    <Modal
      open
      width={1040}
      title={t('merge.title')}
      okText={t('merge.confirm')}
      okButtonProps={{ danger: true, disabled: !loaded || merged.length === 0, loading: merge.isPending }}
      cancelText={t('action.cancel')}
      onOk={submit}
      onCancel={onClose}
    >
      {!loaded || !survivor ? (
        <Skeleton active />
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Alert
            type="warning"
            showIcon
            title={t('merge.warning', { orders: movedOrders, contacts: movedContacts })}
          />
          <Table
            size="small"
            pagination={false}
            rowKey="field"
            dataSource={rows}
            locale={{ emptyText: t('merge.noDifferences') }}
            scroll={{ x: true }}
            columns={[
              {
                title: t('merge.field'),
                dataIndex: 'labelKey',
                width: 140,
                fixed: 'left',
                render: (key: string) => t(key),
              },
              ...members.map((member) => ({
                key: member.id,
                title: (
                  <Space orientation="vertical" size={2}>
                    <Radio
                      checked={member.id === survivorId}
                      onChange={() => chooseSurvivor(member.id)}
                      data-testid={`merge-keep-${member.code}`}
                    >
                      {member.id === survivorId ? (
                        <Tag color="green">{t('merge.keep')}</Tag>
                      ) : (
                        t('merge.keepThis')
                      )}
                    </Radio>
                    {member.id !== survivorId && (
                      <Checkbox
                        checked={mergedIds.includes(member.id)}
                        onChange={(event) =>
                          setMergedIds((ids) =>
                            event.target.checked ? [...ids, member.id] : ids.filter((id) => id !== member.id),
                          )
                        }
                      >
                        {t('merge.mergeThis')}
                      </Checkbox>
                    )}
                    <Typography.Text strong>{member.code}</Typography.Text>
                  </Space>
                ),
                render: (_: unknown, row: (typeof rows)[number]) => {
                  if (member.id !== survivorId && !mergedIds.includes(member.id)) {
                    return (
                      <Typography.Text type="secondary">{row.values.get(member.id) ?? '—'}</Typography.Text>
                    );
                  }
                  const value = row.values.get(member.id);
                  return (
                    <Radio
                      checked={sourceOf(row.field) === member.id}
                      disabled={isBlank(byId.get(member.id)![row.field])}
                      onChange={() => setChoices((current) => ({ ...current, [row.field]: member.id }))}
                    >
                      {isBlank(value) ? '—' : value}
                    </Radio>
                  );
                },
              })),
            ]}
          />
          <Typography.Text type="secondary">{t('merge.combined')}</Typography.Text>
        </Space>
      )}
    </Modal>
  );
}
