import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

const isoDay = (value: Dayjs) => value.format('YYYY-MM-DD');

/** The first and last day of this month so far, the period a report opens on. */
export const monthToDate = () => ({ from: isoDay(dayjs().startOf('month')), to: isoDay(dayjs()) });

/** A report's period: both ends always set, as calendar days ('YYYY-MM-DD'). */
export function PeriodPicker({
  label,
  from,
  to,
  onChange,
}: {
  label: string;
  from?: string;
  to?: string;
  onChange: (period: { from: string; to: string }) => void;
}) {
  return (
    <DatePicker.RangePicker
      aria-label={label}
      allowClear={false}
      value={[dayjs(from), dayjs(to)]}
      onChange={(range) =>
        range?.[0] && range[1] && onChange({ from: isoDay(range[0]), to: isoDay(range[1]) })
      }
    />
  );
}
