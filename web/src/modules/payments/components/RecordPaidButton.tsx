import { App } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DatePopoverButton } from '../../../shared/components/DatePopoverButton';
import type { Payment } from '../api/payments.api';
import { useRecordPaid } from '../hooks/useReceivables';

/** Marks an unpaid payment as received on a day (today unless changed; never a day still to come). */
export function RecordPaidButton({ payment }: { payment: Payment }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const recordPaid = useRecordPaid();
  return (
    <DatePopoverButton
      label={t('receivables.recordPaid')}
      icon={<CheckCircleOutlined />}
      title={t('receivables.paidOn')}
      submitLabel={t('action.save')}
      initialDay={() => dayjs()}
      disabledDate={(day) => day.isAfter(dayjs(), 'day')}
      pending={recordPaid.isPending}
      onSubmit={async (day) => {
        await recordPaid.mutateAsync({ id: payment.id, paidDate: day.format('YYYY-MM-DD') });
        void message.success(t('receivables.paidSaved'));
      }}
    />
  );
}
