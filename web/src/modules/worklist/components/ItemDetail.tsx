import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format/dates';
import type { ChurnReason } from '../../clv/api/clv.api';
import type { WorklistItem } from '../api/worklist.api';

/** The reasons the forecast stores; another one is named by the forecast in general. */
const churnReasons: readonly ChurnReason[] = ['low_p_alive', 'overdue'];

const text = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

/** What the item is about, in one line: whose birthday, which holiday, which grades, which cycle. */
export function ItemDetail({ item }: { item: WorklistItem }) {
  const { t } = useTranslation();
  const d = item.detail ?? {};
  const line = (() => {
    switch (item.kind) {
      case 'contact_overdue':
        return t('worklist.detail.contact', {
          days: text(d.cadenceDays),
          last: item.lastContact ? formatDate(item.lastContact) : t('worklist.never'),
        });
      case 'pool_recall':
        return t('worklist.detail.poolRecall', { date: formatDate(text(d.recallOn)) });
      case 'birthday':
        return t('worklist.detail.birthday', { name: text(d.contactName), date: formatDate(item.due) });
      case 'holiday':
        return t('worklist.detail.holiday', {
          name: t(`worklist.holidays.${text(d.holiday)}`),
          date: formatDate(item.due),
        });
      case 'repurchase':
        return t('worklist.detail.repurchase', {
          days: text(d.cycleDays),
          last: formatDate(text(d.lastOrder)),
        });
      case 'downgrade':
        return t('worklist.detail.downgrade', { from: text(d.from), to: text(d.to) });
      case 'churn_risk':
        return t('worklist.detail.churn', {
          reason: t(`worklist.churnReason.${churnReasons.find((reason) => reason === d.reason) ?? 'other'}`),
        });
    }
  })();
  return <Typography.Text type="secondary">{line}</Typography.Text>;
}
