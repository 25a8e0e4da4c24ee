import type { ReactNode } from 'react';
import { Col, Row, Spin } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { useActor } from '../../modules/auth/hooks/useSession';
import { QueryState } from './QueryState';

/**
 * A report's body: its headline figures, the per-person table (not for a rep, whose report is theirs alone) and the
 * list behind it. The list keeps its own loading state: it is shown once the summary has loaded.
 */
export function ReportLayout<T>({
  summary,
  figures,
  perPerson,
  list,
}: {
  summary: UseQueryResult<T>;
  figures: (data: T) => ReactNode;
  perPerson: (data: T) => ReactNode;
  list: ReactNode;
}) {
  const actor = useActor();
  return (
    <QueryState query={summary}>
      {(data) => (
        <Spin spinning={summary.isFetching && summary.isPlaceholderData}>
          <Row gutter={[16, 16]}>
            <Col span={24}>{figures(data)}</Col>
            {actor.role !== 'rep' && <Col span={24}>{perPerson(data)}</Col>}
            <Col span={24}>{list}</Col>
          </Row>
        </Spin>
      )}
    </QueryState>
  );
}
