import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Empty, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';

interface QueryStateProps<T> {
  /** A query's result, or any with its states (an infinite query's pages, say). */
  query: Pick<UseQueryResult<T>, 'isPending' | 'isError' | 'error' | 'data' | 'refetch'>;
  isEmpty?: (data: T) => boolean;
  emptyText?: string;
  children: (data: T) => ReactNode;
}

/** The loading, error and empty states every data view shares; children render only real data. */
export function QueryState<T>({ query, isEmpty, emptyText, children }: QueryStateProps<T>) {
  const { t } = useTranslation();
  const { data } = query;
  // A query that succeeded has its data (v5 refuses undefined): without it, the data is still on its way.
  if (query.isError)
    return (
      <Result
        status="warning"
        title={t('state.loadFailed')}
        subTitle={query.error?.message}
        extra={<Button onClick={() => void query.refetch()}>{t('action.retry')}</Button>}
      />
    );
  if (query.isPending || data === undefined) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (isEmpty?.(data))
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText ?? t('state.empty')} />;
  return <>{children(data)}</>;
}
