import { useState, type ReactNode } from 'react';
import { App, Button, DatePicker, Popover, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { errorText } from '../api/error-text';

/**
 * A small button that asks for one day in a popover and acts on it: closed when the action succeeds, the server's
 * reason shown when it fails.
 */
export function DatePopoverButton({
  label,
  icon,
  title,
  submitLabel,
  initialDay,
  disabledDate,
  pending,
  onSubmit,
}: {
  label: ReactNode;
  icon: ReactNode;
  /** The question, also the date field's accessible name. */
  title: string;
  submitLabel: ReactNode;
  initialDay: () => Dayjs;
  disabledDate: (day: Dayjs) => boolean;
  pending: boolean;
  onSubmit: (day: Dayjs) => Promise<void>;
}) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState<Dayjs>(initialDay);
  const submit = async () => {
    try {
      await onSubmit(day);
      setOpen(false);
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      title={title}
      content={
        <Space>
          <DatePicker
            aria-label={title}
            value={day}
            allowClear={false}
            disabledDate={disabledDate}
            onChange={(chosen) => chosen && setDay(chosen)}
          />
          <Button type="primary" loading={pending} onClick={() => void submit()}>
            {submitLabel}
          </Button>
        </Space>
      }
    >
      <Button size="small" icon={icon}>
        {label}
      </Button>
    </Popover>
  );
}
