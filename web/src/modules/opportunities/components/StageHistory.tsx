import { Space, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../shared/components/QueryState';
import { formatDateTime } from '../../../shared/format/dates';
import { stageName, type Opportunity } from '../api/opportunities.api';
import { useOpportunityStages, useStageHistory } from '../hooks/useOpportunities';
import { stageDurations } from '../stageDurations';

const outcomeDots = { open: 'blue', won: 'green', lost: 'gray' } as const;

/** Every move of one opportunity, oldest first: the stage it went to, when, by whom, and how long it stayed. */
export function StageHistory({ opportunity }: { opportunity: Opportunity }) {
  const { t, i18n } = useTranslation();
  const history = useStageHistory(opportunity.customerId, opportunity.id);
  const stages = useOpportunityStages();
  const stageOf = (code: string) => stages.data?.find((stage) => stage.code === code);
  const nameOf = (code: string) => {
    const stage = stageOf(code);
    return stage ? stageName(stage, i18n.language) : code;
  };
  return (
    <QueryState
      query={history}
      isEmpty={(steps) => steps.length === 0}
      emptyText={t('opportunity.noHistory')}
    >
      {(steps) => {
        const days = stageDurations(steps, new Date(), opportunity.closedAt !== null);
        return (
          <Timeline
            data-testid="stage-history"
            items={steps.map((step, index) => {
              const outcome = stageOf(step.toStage)?.outcome;
              const stayed = days[index];
              return {
                key: `${step.at}-${index}`,
                color: outcome ? outcomeDots[outcome] : 'gray',
                content: (
                  <Space wrap size={8}>
                    <Typography.Text type="secondary">{formatDateTime(step.at)}</Typography.Text>
                    <Typography.Text strong>
                      {step.fromStage === null
                        ? t('opportunity.createdIn', { stage: nameOf(step.toStage) })
                        : t('opportunity.movedTo', {
                            from: nameOf(step.fromStage),
                            to: nameOf(step.toStage),
                          })}
                    </Typography.Text>
                    <Typography.Text>{step.byName ?? t('history.system')}</Typography.Text>
                    {stayed !== null && stayed !== undefined && (
                      <Typography.Text type="secondary">
                        {t(index === steps.length - 1 ? 'opportunity.inStageSoFar' : 'opportunity.inStage', {
                          count: stayed,
                        })}
                      </Typography.Text>
                    )}
                  </Space>
                ),
              };
            })}
          />
        );
      }}
    </QueryState>
  );
}
