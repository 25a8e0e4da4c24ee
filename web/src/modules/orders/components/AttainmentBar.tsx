import { Progress } from 'antd';
import { formatShare } from '../../../shared/format/localised';

/** How much of a target is reached: a bar that fills at 100 % (green beyond it), the share written beside it. */
export function AttainmentBar({ attainment }: { attainment: number | null }) {
  if (attainment === null) return <>—</>;
  return (
    <Progress
      size="small"
      style={{ minWidth: 120, margin: 0 }}
      percent={Math.min(100, attainment * 100)}
      status={attainment >= 1 ? 'success' : 'normal'}
      format={() => formatShare(attainment)}
    />
  );
}
