import { useState } from 'react';
import { DatePicker, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CursorPager, useCursors } from '../../../shared/components/CursorPager';
import { ExportMenu } from '../../../shared/components/ExportMenu';
import { JsonBlock } from '../../../shared/components/JsonBlock';
import { QueryState } from '../../../shared/components/QueryState';
import { enumKey } from '../../../shared/enums';
import { formatDateTime } from '../../../shared/format/dates';
import { auditApi, type AuditEntry, type AuditQuery } from '../api/audit.api';
import { auditActionColours, changedFields } from '../changes';

/** An entry's before and after side by side; on an update, the fields that changed are marked. */
function EntryImages({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const changed = entry.action === 'update' ? changedFields(entry.before, entry.after) : [];
  return (
    <>
      {changed.length > 0 && (
        <Typography.Paragraph>{t('history.changed', { fields: changed.join(', ') })}</Typography.Paragraph>
      )}
      <Flex gap={16} wrap>
        <JsonBlock title={t('settings.audit.before')} value={entry.before} />
        <JsonBlock title={t('settings.audit.after')} value={entry.after} />
      </Flex>
    </>
  );
}

/**
 * Admins: who did what, when, across the company — record changes, imports with their counts, user and model
 * changes — filtered by kind of record, action, person, day and text, with each entry's before and after.
 */
export function AuditLogView() {
  const { t } = useTranslation();
  const [query, setQuery] = useState<AuditQuery>({});
  const cursors = useCursors();
  const facets = useQuery({ queryKey: ['audit', 'facets'], queryFn: auditApi.facets });
  const log = useQuery({
    queryKey: ['audit', query, cursors.cursor ?? ''],
    queryFn: () => auditApi.list(query, cursors.cursor),
    placeholderData: keepPreviousData,
  });
  const filter = (change: Partial<AuditQuery>) => {
    setQuery((current) => ({ ...current, ...change }));
    cursors.reset();
  };
  const entityLabel = (entity: string) => t(`history.entity.${entity}`, { defaultValue: entity });
  const actionLabel = (action: string) => t(enumKey('auditAction', action), { defaultValue: action });

  return (
    <>
      <Flex wrap gap={12} style={{ marginBottom: 12 }}>
        <Select<string>
          allowClear
          aria-label={t('settings.audit.entity')}
          placeholder={t('settings.audit.entity')}
          style={{ width: 160 }}
          onChange={(entity) => filter({ entity })}
          options={(facets.data?.entities ?? []).map((value) => ({ value, label: entityLabel(value) }))}
        />
        <Select<string>
          allowClear
          aria-label={t('settings.audit.action')}
          placeholder={t('settings.audit.action')}
          style={{ width: 140 }}
          onChange={(action) => filter({ action })}
          options={(facets.data?.actions ?? []).map((value) => ({ value, label: actionLabel(value) }))}
        />
        <Select<number>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('settings.audit.user')}
          placeholder={t('settings.audit.user')}
          style={{ width: 160 }}
          onChange={(userId) => filter({ userId })}
          options={(facets.data?.users ?? []).map((user) => ({ value: user.id, label: user.name }))}
        />
        <DatePicker.RangePicker
          aria-label={t('settings.audit.days')}
          onChange={(days: [Dayjs | null, Dayjs | null] | null) =>
            filter({ from: days?.[0]?.format('YYYY-MM-DD'), to: days?.[1]?.format('YYYY-MM-DD') })
          }
        />
        <Input.Search
          allowClear
          aria-label={t('settings.audit.search')}
          placeholder={t('settings.audit.search')}
          style={{ width: 220 }}
          onSearch={(q) => filter({ q: q.trim() || undefined })}
        />
        <ExportMenu href={(format) => auditApi.exportUrl(query, format)} />
      </Flex>
      <QueryState
        query={log}
        isEmpty={(page) => page.items.length === 0 && cursors.atStart}
        emptyText={t('settings.audit.empty')}
      >
        {(page) => (
          <>
            <Table<AuditEntry>
              size="small"
              rowKey="id"
              dataSource={page.items}
              pagination={false}
              expandable={{ expandedRowRender: (entry) => <EntryImages entry={entry} /> }}
              columns={[
                { title: t('settings.audit.at'), dataIndex: 'at', width: 170, render: formatDateTime },
                {
                  title: t('settings.audit.user'),
                  dataIndex: 'userName',
                  render: (name: string | null) => name ?? t('history.system'),
                },
                { title: t('settings.audit.entity'), dataIndex: 'entity', render: entityLabel },
                {
                  title: t('settings.audit.entityId'),
                  dataIndex: 'entityId',
                  render: (id: string | null) => id ?? '—',
                },
                {
                  title: t('settings.audit.action'),
                  dataIndex: 'action',
                  render: (action: string) => (
                    <Tag color={auditActionColours[action]}>{actionLabel(action)}</Tag>
                  ),
                },
                {
                  title: t('settings.audit.fields'),
                  key: 'fields',
                  ellipsis: true,
                  render: (_, entry) =>
                    entry.action === 'update' ? changedFields(entry.before, entry.after).join(', ') : '',
                },
              ]}
            />
            <CursorPager cursors={cursors} nextCursor={page.nextCursor} />
          </>
        )}
      </QueryState>
    </>
  );
}
