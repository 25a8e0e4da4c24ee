import { App } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DatePopoverButton } from '../../../shared/components/DatePopoverButton';
import type { WorklistItem } from '../api/worklist.api';
import { useSnooze } from '../hooks/useWorklist';

/** Hides an item until a chosen day (tomorrow at the earliest). */
export function SnoozeButton({ item, today }: { item: WorklistItem; today: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const snooze = useSnooze();
  return (
    <DatePopoverButton
      label={t('worklist.snooze')}
      icon={<ClockCircleOutlined />}
      title={t('worklist.snoozeUntil')}
      submitLabel={t('worklist.snooze')}
      initialDay={() => dayjs(today).add(3, 'day')}
      disabledDate={(day) => !day.isAfter(dayjs(today), 'day')}
      pending={snooze.isPending}
      onSubmit={async (until) => {
        await snooze.mutateAsync({
          customerId: item.customer.id,
          kind: item.kind,
          ref: item.ref,
          until: until.format('YYYY-MM-DD'),
        });
        void message.success(t('worklist.snoozed', { date: until.format('L') }));
      }}
    />
  );
}
