import { Button, Dropdown } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export type ExportFormat = 'xlsx' | 'csv';
const formats: readonly ExportFormat[] = ['xlsx', 'csv'];

/**
 * A download menu for a list the server exports whole (every row the filters match, not just the page on screen),
 * streamed as XLSX or as CSV with a BOM so that Excel reads the Chinese.
 */
export function ExportMenu({ href }: { href: (format: ExportFormat) => string }) {
  const { t } = useTranslation();
  return (
    <Dropdown
      menu={{
        items: formats.map((format) => ({
          key: format,
          label: <a href={href(format)}>{t(`export.${format}`)}</a>,
        })),
      }}
    >
      <Button icon={<DownloadOutlined />}>{t('export.menu')}</Button>
    </Dropdown>
  );
}
