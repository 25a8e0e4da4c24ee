import { useState } from 'react';
import { App, Button, DatePicker, Popover, Space } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { WorklistItem } from '../api/worklist.api';
import { useSnooze } from '../hooks/useWorklist';

/** Hides an item until a chosen day (tomorrow at the earliest). */
export function SnoozeButton({ item, today }: { item: WorklistItem; today: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const snooze = useSnooze();
  const [open, setOpen] = useState(false);
  const [until, setUntil] = useState<Dayjs>(dayjs(today).add(3, 'day'));
  const submit = async () => {
    try {
      await snooze.mutateAsync({
        customerId: item.customer.id,
        kind: item.kind,
        ref: item.ref,
        until: until.format('YYYY-MM-DD'),
      });
      setOpen(false);
      void message.success(t('worklist.snoozed', { date: until.format('L') }));
    } catch (error) {
      void message.error((error as Error).message);
    }
  };
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      title={t('worklist.snoozeUntil')}
      content={
        <Space>
          <DatePicker
            aria-label={t('worklist.snoozeUntil')}
            value={until}
            allowClear={false}
            disabledDate={(day) => !day.isAfter(dayjs(today), 'day')}
            onChange={(day) => day && setUntil(day)}
          />
          <Button type="primary" loading={snooze.isPending} onClick={() => void submit()}>
            {t('worklist.snooze')}
          </Button>
        </Space>
      }
    >
      <Button size="small" icon={<ClockCircleOutlined />}>
        {t('worklist.snooze')}
      </Button>
    </Popover>
  );
}
