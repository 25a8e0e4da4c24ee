import { useState, type ReactNode } from 'react';
import { App, Button, Card, Tooltip } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { apiDownload } from '../api/client';

export type SheetCell = string | number | null;

interface ChartCardProps {
  title: ReactNode;
  /** Name of the exported files (without extension). */
  exportName: string;
  /** The chart's data as rows of a sheet (first row: headers), for the XLSX export. */
  rows: () => SheetCell[][];
  extra?: ReactNode;
  children: ReactNode;
}

/** A dashboard panel: its chart, plus an export of the chart's data as XLSX (the PNG export is in the chart). */
export function ChartCard({ title, exportName, rows, extra, children }: ChartCardProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const exportXlsx = async () => {
    setBusy(true);
    try {
      await apiDownload(
        '/analytics/xlsx',
        { filename: exportName, sheets: [{ name: t('chart.sheet'), rows: rows() }] },
        `${exportName}.xlsx`,
      );
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      size="small"
      title={title}
      extra={
        <>
          {extra}
          <Tooltip title={t('chart.exportXlsx')}>
            <Button
              type="text"
              size="small"
              icon={<FileExcelOutlined />}
              loading={busy}
              aria-label={t('chart.exportXlsx')}
              onClick={() => void exportXlsx()}
            />
          </Tooltip>
        </>
      }
      style={{ height: '100%' }}
    >
      {children}
    </Card>
  );
}
