import { Button, Dropdown } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { customersApi, type CustomerListParams, type ExportFormat } from '../api/customers.api';

const formats: { format: ExportFormat; label: string }[] = [
  { format: 'xlsx', label: 'customerList.export_xlsx' },
  { format: 'csv', label: 'customerList.export_csv' },
];

/** Exports every customer the current filters match, not just the page on screen. */
export function ExportMenu({ params }: { params: CustomerListParams }) {
  const { t } = useTranslation();
  return (
    <Dropdown
      menu={{
        items: formats.map(({ format, label }) => ({
          key: format,
          label: <a href={customersApi.exportUrl(params, format)}>{t(label)}</a>,
        })),
      }}
    >
      <Button icon={<DownloadOutlined />}>{t('customerList.export')}</Button>
    </Dropdown>
  );
}
