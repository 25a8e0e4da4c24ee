import { Badge, Button, Tooltip } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAlertSummary } from '../hooks/useAlerts';

/** The header's way into the inbox: grade changes, churn risks and pool warnings about the user's customers. */
export function AlertBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const summary = useAlertSummary();
  const unread = summary.data?.unread ?? 0;
  return (
    <Tooltip title={t('alerts.title')}>
      <Badge count={unread} size="small" overflowCount={99}>
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={t('alerts.bell', { count: unread })}
          data-testid="alert-bell"
          onClick={() => void navigate('/alerts')}
        />
      </Badge>
    </Tooltip>
  );
}
