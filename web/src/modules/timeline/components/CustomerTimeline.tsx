import { useState, type ReactNode } from 'react';
import { Button, Checkbox, Empty, Space, Tag, Timeline, Typography } from 'antd';
import {
  AccountBookOutlined,
  FallOutlined,
  FundProjectionScreenOutlined,
  RiseOutlined,
  ShoppingCartOutlined,
} from '@ant-design/icons';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../shared/components/QueryState';
import { enumKey } from '../../../shared/enums';
import { formatDate, formatDateTime } from '../../../shared/format/dates';
import { formatMoney } from '../../../shared/format/money';
import { pickLocalised } from '../../../shared/format/localised';
import { activityIcons } from '../../activities/components/ActivityTimeline';
import { customerKeys } from '../../customers/hooks/useCustomers';
import { useModelLookup } from '../../grading/hooks/useModelLookup';
import { stageName } from '../../opportunities/api/opportunities.api';
import { useOpportunityStages } from '../../opportunities/hooks/useOpportunities';
import { timelineApi, timelineKinds, type TimelineEvent, type TimelineKind } from '../api/timeline.api';

interface Line {
  icon: ReactNode;
  color: string;
  /** Orders and payments happen on a day; the rest at a time. */
  when: string;
  text: ReactNode;
}

/** How one event reads: what happened, in the words and colours of the page it comes from. */
function useDescribe(): (event: TimelineEvent) => Line {
  const { t, i18n } = useTranslation();
  const stages = useOpportunityStages();
  const { byId: models } = useModelLookup();
  const stageLabel = (code: string | null) => {
    const stage = stages.data?.find((s) => s.code === code);
    return stage ? stageName(stage, i18n.language) : (code ?? '—');
  };
  return (event) => {
    switch (event.kind) {
      case 'order':
        return {
          icon: <ShoppingCartOutlined />,
          color: event.status === 'cancelled' ? 'gray' : 'blue',
          when: formatDate(event.at),
          text: (
            <Space wrap size={8}>
              <Typography.Text strong>{t('timeline.order', { orderNo: event.orderNo })}</Typography.Text>
              <Typography.Text>{formatMoney(event.amount)}</Typography.Text>
              {event.status !== 'completed' && <Tag>{t(enumKey('orderStatus', event.status))}</Tag>}
            </Space>
          ),
        };
      case 'payment': {
        const late = event.daysLate > 0;
        return {
          icon: <AccountBookOutlined />,
          color: event.paidDate ? (late ? 'orange' : 'green') : late ? 'red' : 'gray',
          when: formatDate(event.paidDate ?? event.dueDate),
          text: (
            <Space wrap size={8}>
              <Typography.Text strong>
                {t(event.paidDate ? 'timeline.paid' : 'timeline.due', { amount: formatMoney(event.amount) })}
              </Typography.Text>
              {event.paidDate && (
                <Typography.Text type="secondary">
                  {t('timeline.dueOn', { date: formatDate(event.dueDate) })}
                </Typography.Text>
              )}
              {late && (
                <Typography.Text type={event.paidDate ? 'warning' : 'danger'}>
                  {t('timeline.daysLate', { count: event.daysLate })}
                </Typography.Text>
              )}
            </Space>
          ),
        };
      }
      case 'activity':
        return {
          icon: activityIcons[event.activityKind],
          color: 'blue',
          when: formatDateTime(event.at),
          text: (
            <Space wrap size={8}>
              <Tag>{t(enumKey('activityKind', event.activityKind))}</Tag>
              <Typography.Text strong>{event.subject}</Typography.Text>
              {event.userName && <Typography.Text type="secondary">{event.userName}</Typography.Text>}
            </Space>
          ),
        };
      case 'grade': {
        const model = models.get(event.modelId);
        const code = (index: number | null) =>
          index === null ? t('timeline.outside') : (model?.ladder[index]?.code ?? `#${index}`);
        // The ladder's first grade is the best: a smaller position is a rise.
        const rise = event.toGrade !== null && (event.fromGrade === null || event.toGrade < event.fromGrade);
        return {
          icon: rise ? <RiseOutlined /> : <FallOutlined />,
          color: rise ? 'green' : 'red',
          when: formatDateTime(event.at),
          text: (
            <Space wrap size={8}>
              <Typography.Text strong>
                {t('timeline.grade', {
                  model: pickLocalised(model?.name, i18n.language) || `#${event.modelId}`,
                  from: code(event.fromGrade),
                  to: code(event.toGrade),
                })}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t(`gradeCause.${event.cause}`, { defaultValue: event.cause })}
              </Typography.Text>
            </Space>
          ),
        };
      }
      case 'opportunity':
        return {
          icon: <FundProjectionScreenOutlined />,
          color: 'purple',
          when: formatDateTime(event.at),
          text: (
            <Space wrap size={8}>
              <Typography.Text strong>
                {event.fromStage === null
                  ? t('timeline.opportunityCreated', {
                      name: event.opportunityName,
                      stage: stageLabel(event.toStage),
                    })
                  : t('timeline.opportunityMoved', {
                      name: event.opportunityName,
                      from: stageLabel(event.fromStage),
                      to: stageLabel(event.toStage),
                    })}
              </Typography.Text>
              {event.byName && <Typography.Text type="secondary">{event.byName}</Typography.Text>}
            </Space>
          ),
        };
    }
  };
}

/**
 * Everything that happened with the customer on one line each, newest first: orders, payments, follow-ups, grade
 * changes and opportunity moves, narrowed to some kinds on request; older events load on demand.
 */
export function CustomerTimeline({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const [kinds, setKinds] = useState<TimelineKind[]>([...timelineKinds]);
  const describe = useDescribe();
  const timeline = useInfiniteQuery({
    queryKey: [...customerKeys.records(customerId, 'timeline'), kinds],
    queryFn: ({ pageParam }) => timelineApi.page(customerId, kinds, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // No kind chosen asks nothing: the page says so instead of keeping the last choice's events.
    enabled: kinds.length > 0,
    // Another choice of kinds shows the events at hand until its own arrive, not a skeleton in between.
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <Checkbox.Group<TimelineKind>
        value={kinds}
        onChange={setKinds}
        style={{ marginBottom: 16 }}
        options={timelineKinds.map((kind) => ({ value: kind, label: t(`timeline.kinds.${kind}`) }))}
      />
      {kinds.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('timeline.empty')} />
      ) : (
        <QueryState
          query={timeline}
          isEmpty={(data) => data.pages.every((page) => page.items.length === 0)}
          emptyText={t('timeline.empty')}
        >
          {(data) => (
            <>
              <Timeline
                data-testid="customer-timeline"
                items={data.pages
                  .flatMap((page) => page.items)
                  .map((event) => {
                    const line = describe(event);
                    return {
                      key: `${event.kind}-${event.id}`,
                      icon: line.icon,
                      color: line.color,
                      content: (
                        <Space wrap size={12}>
                          <Typography.Text type="secondary">{line.when}</Typography.Text>
                          {line.text}
                        </Space>
                      ),
                    };
                  })}
              />
              {timeline.hasNextPage && (
                <Button loading={timeline.isFetchingNextPage} onClick={() => void timeline.fetchNextPage()}>
                  {t('timeline.more')}
                </Button>
              )}
            </>
          )}
        </QueryState>
      )}
    </>
  );
}
