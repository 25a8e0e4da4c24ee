import { useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../shared/components/FormDrawer';
import { QueryState } from '../../../shared/components/QueryState';
import { useRules } from '../../../shared/components/useRules';
import { stageName, type Stage, type StageInput } from '../api/opportunities.api';
import { outcomeColours } from './outcomeColours';
import { useOpportunityStages, useUpdateStage } from '../hooks/useOpportunities';

function StageDrawer({ stage, onClose }: { stage: Stage; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const rules = useRules();
  const save = useUpdateStage(stage.code);
  // A won stage is certain and a lost one is not coming: the server refuses another probability for them.
  const closed = stage.outcome !== 'open';
  return (
    <FormDrawer<StageInput>
      open
      title={t('settings.stages.edit', { name: stageName(stage, i18n.language) })}
      onClose={onClose}
      fieldNames={['nameZh', 'nameEn', 'probability', 'sort']}
      initialValues={stage}
      onSubmit={async ({ probability, ...names }) => {
        await save.mutateAsync(closed ? names : { ...names, probability });
        void message.success(t('settings.saved'));
      }}
    >
      <Form.Item name="nameZh" label={t('settings.stages.nameZh')} rules={[rules.required, rules.max(100)]}>
        <Input />
      </Form.Item>
      <Form.Item name="nameEn" label={t('settings.stages.nameEn')} rules={[rules.required, rules.max(100)]}>
        <Input />
      </Form.Item>
      <Form.Item
        name="probability"
        label={t('settings.stages.probability')}
        extra={closed ? t('settings.stages.probabilityFixed') : undefined}
        rules={[rules.requiredValue]}
      >
        <InputNumber min={0} max={100} precision={0} suffix="%" disabled={closed} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="sort" label={t('settings.stages.sort')} rules={[rules.nonNegative]}>
        <InputNumber min={0} max={10_000} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </FormDrawer>
  );
}

/** Admins: the sales funnel's stages — names in both languages, default win probability and order. */
export function StagesView() {
  const { t, i18n } = useTranslation();
  const stages = useOpportunityStages();
  const [editing, setEditing] = useState<Stage | null>(null);
  return (
    <>
      <Alert type="info" showIcon title={t('settings.stages.hint')} style={{ marginBottom: 12 }} />
      <QueryState query={stages}>
        {(data) => (
          <Table<Stage>
            size="small"
            rowKey="code"
            dataSource={[...data].sort((a, b) => a.sort - b.sort)}
            pagination={false}
            data-testid="stages-table"
            columns={[
              { title: t('settings.stages.sort'), dataIndex: 'sort', align: 'right', width: 80 },
              { title: t('settings.stages.code'), dataIndex: 'code' },
              { title: t('settings.stages.nameZh'), dataIndex: 'nameZh' },
              { title: t('settings.stages.nameEn'), dataIndex: 'nameEn' },
              {
                title: t('settings.stages.probability'),
                dataIndex: 'probability',
                align: 'right',
                render: (probability: number) => `${probability}%`,
              },
              {
                title: t('settings.stages.outcome'),
                dataIndex: 'outcome',
                render: (outcome: Stage['outcome']) => (
                  <Tag color={outcomeColours[outcome]}>{t(`settings.stages.outcomes.${outcome}`)}</Tag>
                ),
              },
              {
                title: '',
                key: 'actions',
                render: (_, stage) => (
                  <Button
                    size="small"
                    type="link"
                    aria-label={`${t('action.edit')} ${stageName(stage, i18n.language)}`}
                    onClick={() => setEditing(stage)}
                  >
                    {t('action.edit')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      {editing && <StageDrawer stage={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
