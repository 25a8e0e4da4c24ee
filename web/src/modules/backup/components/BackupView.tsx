import { Alert, Button, Card, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

const RESTORE_COMMAND = 'node bin/stratum.js db restore stratum-YYYY-MM-DD.backup.gz --replace';

/**
 * Backups for the admin: the whole database as one consistent snapshot, downloaded from the running server (the
 * way to back up an embedded database without stopping it), and how a backup is restored, which replaces
 * everything and so is done at the command line with the server stopped.
 */
export function BackupView() {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 880 }}>
      <Card title={t('settings.backup.title')}>
        <Space orientation="vertical" size={12}>
          <Typography.Paragraph style={{ margin: 0 }}>{t('settings.backup.hint')}</Typography.Paragraph>
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            href="/api/backup"
            download
            data-testid="backup-download"
          >
            {t('settings.backup.download')}
          </Button>
        </Space>
      </Card>
      <Card title={t('settings.backup.restoreTitle')}>
        <Space orientation="vertical" size={12}>
          <Typography.Paragraph style={{ margin: 0 }}>
            {t('settings.backup.restoreHint')}
          </Typography.Paragraph>
          <Typography.Text code copyable>
            {RESTORE_COMMAND}
          </Typography.Text>
          <Alert type="warning" showIcon title={t('settings.backup.restoreWarning')} />
        </Space>
      </Card>
    </Space>
  );
}
