import { Typography } from 'antd';
import { formatChange } from '../../../shared/format/localised';

/** A change against the period before: green and signed when up, red when down, a dash when nothing to compare. */
export function GrowthText({ growth }: { growth: number | null }) {
  if (growth === null) return <>—</>;
  return <Typography.Text type={growth < 0 ? 'danger' : 'success'}>{formatChange(growth)}</Typography.Text>;
}
