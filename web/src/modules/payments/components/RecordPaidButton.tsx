import { useState } from 'react';
import { App, Button, DatePicker, InputNumber, Popover, Space } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../shared/api/error-text';
import { formatMoney } from '../../../shared/format/money';
import { isAfterToday } from '../../../shared/format/dates';
import type { Payment } from '../api/payments.api';
import { useRecordPaid } from '../hooks/useReceivables';

/**
 * Records money received against an unpaid payment: on a day (today unless changed; never a day still to come),
 * all of it by default or a part, which leaves the rest owed. Amounts stay decimal strings (InputNumber's string
 * mode), so what is sent is what was typed.
 */
export function RecordPaidButton({ payment }: { payment: Payment }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const recordPaid = useRecordPaid();
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState<Dayjs>(() => dayjs());
  const [amount, setAmount] = useState<string | null>(payment.amount);

  const submit = async () => {
    if (!amount) return;
    try {
      const result = await recordPaid.mutateAsync({
        id: payment.id,
        amount,
        paidDate: day.format('YYYY-MM-DD'),
      });
      setOpen(false);
      void message.success(
        result.remaining
          ? t('receivables.partSaved', {
              amount: formatMoney(result.paid.amount),
              rest: formatMoney(result.remaining.amount),
            })
          : t('receivables.paidSaved'),
      );
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      title={t('receivables.recordPaid')}
      content={
        <Space>
          <DatePicker
            aria-label={t('receivables.paidOn')}
            value={day}
            allowClear={false}
            disabledDate={isAfterToday}
            onChange={(chosen) => chosen && setDay(chosen)}
          />
          <InputNumber<string>
            aria-label={t('receivables.receivedAmount')}
            stringMode
            prefix="¥"
            min="0.01"
            max={payment.amount}
            precision={2}
            value={amount}
            onChange={setAmount}
            style={{ width: 160 }}
          />
          <Button
            type="primary"
            loading={recordPaid.isPending}
            disabled={!amount}
            onClick={() => void submit()}
          >
            {t('action.save')}
          </Button>
        </Space>
      }
    >
      <Button size="small" icon={<CheckCircleOutlined />}>
        {t('receivables.recordPaid')}
      </Button>
    </Popover>
  );
}
