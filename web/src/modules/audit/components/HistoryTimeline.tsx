import { Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../shared/components/QueryState';
import { enumKey } from '../../../shared/enums';
import { formatDateTime } from '../../../shared/format/dates';
import { useCustomerRecords } from '../../customers/hooks/useCustomerRecords';
import type { AuditEntry } from '../api/audit.api';
import { auditActionColours, changedFields } from '../changes';

export function HistoryTimeline({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const history = useCustomerRecords<AuditEntry>(customerId, 'history');
  return (
    <QueryState query={history} isEmpty={(data) => !data.items.length} emptyText={t('history.empty')}>
      {(data) => (
        <Timeline
          items={data.items.map((entry) => {
            const fields = entry.action === 'update' ? changedFields(entry.before, entry.after) : [];
            return {
              key: entry.id,
              color: auditActionColours[entry.action] ?? 'gray',
              content: (
                <Space orientation="vertical" size={2}>
                  <Space wrap>
                    <Typography.Text type="secondary">{formatDateTime(entry.at)}</Typography.Text>
                    <Typography.Text strong>{entry.userName ?? t('history.system')}</Typography.Text>
                    <Tag color={auditActionColours[entry.action]}>
                      {t(enumKey('auditAction', entry.action), { defaultValue: entry.action })}
                    </Tag>
                    <Typography.Text>
                      {t(`history.entity.${entry.entity}`, { defaultValue: entry.entity })}
                    </Typography.Text>
                  </Space>
                  {fields.length > 0 && (
                    <Typography.Text type="secondary">
                      {t('history.changed', { fields: fields.join(', ') })}
                    </Typography.Text>
                  )}
                </Space>
              ),
            };
          })}
        />
      )}
    </QueryState>
  );
}
