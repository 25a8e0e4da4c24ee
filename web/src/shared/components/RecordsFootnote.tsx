import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Says when a customer's list shows only the newest part of its records. */
export function RecordsFootnote({ shown, total }: { shown: number; total: number | undefined }) {
  const { t } = useTranslation();
  if (total === undefined || total <= shown) return null;
  return (
    <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
      {t('state.showingNewest', { shown, total })}
    </Typography.Text>
  );
}
