import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { ExperimentOutlined, PlayCircleOutlined, SaveOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../shared/api/client';
import { PagePanel } from '../shared/components/PagePanel';
import { QueryState } from '../shared/components/QueryState';
import { pickLocalised } from '../shared/format/localised';
import { useActor } from '../modules/auth/hooks/useSession';
import type { GradingModel, Metric, ModelDefinition } from '../modules/grading/api/grading.api';
import { FactorListEditor } from '../modules/grading/components/editor/FactorListEditor';
import { MethodAndLadderEditor } from '../modules/grading/components/editor/MethodEditor';
import { WhatIfPanel } from '../modules/grading/components/editor/WhatIfPanel';
import { StartRunModal } from '../modules/grading/components/StartRunModal';
import {
  useChangeModel,
  useMetrics,
  useModel,
  useModels,
  useSaveVersion,
  useWhatIf,
} from '../modules/grading/hooks/useGrading';
import NotFoundPage from './NotFoundPage';

function problemsOf(error: unknown): string[] {
  if (!(error instanceof ApiError)) return error ? [String((error as Error).message ?? error)] : [];
  return error.fields.length ? error.fields.map((f) => `${f.path}: ${f.message}`) : [error.message];
}

function Editor({ model, metrics }: { model: GradingModel; metrics: readonly Metric[] }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const actor = useActor();
  const canEdit = actor.role !== 'rep';
  const [definition, setDefinition] = useState<ModelDefinition>(model.definition);
  const [note, setNote] = useState('');
  const [running, setRunning] = useState(false);
  const whatIf = useWhatIf(model.id);
  const save = useSaveVersion(model.id);
  const change = useChangeModel();
  const models = useModels();
  const edit = (next: ModelDefinition) => {
    setDefinition(next);
    whatIf.reset();
  };
  const stability = definition.stability ?? { downgradeAfter: 1, downgradeMargin: 0 };
  // The editor remounts on the new version once the model refetches; a promise outlives that, a mutate callback not.
  const saveVersion = () =>
    save.mutateAsync({ definition, note }).then(
      (saved) => void message.success(t('editor.saved', { version: saved.currentVersion })),
      () => undefined,
    );
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PagePanel
        title={
          <Space>
            {pickLocalised(model.name, i18n.language)}
            <Tag>v{model.currentVersion}</Tag>
          </Space>
        }
        extra={
          canEdit && (
            <Space wrap>
              <Space size={4}>
                <Typography.Text>{t('models.active')}</Typography.Text>
                <Switch
                  checked={model.active}
                  loading={change.isPending}
                  aria-label={t('models.active')}
                  onChange={(active) => change.mutate({ id: model.id, active })}
                />
              </Space>
              <Button
                icon={<ExperimentOutlined />}
                loading={whatIf.isPending}
                onClick={() => whatIf.mutate(definition)}
              >
                {t('editor.whatIf')}
              </Button>
              <Input
                style={{ width: 200 }}
                placeholder={t('editor.note')}
                aria-label={t('editor.note')}
                value={note}
                maxLength={500}
                onChange={(e) => setNote(e.target.value)}
              />
              <Button
                type="primary"
                icon={<SaveOutlined />}
                loading={save.isPending}
                onClick={() => void saveVersion()}
              >
                {t('editor.saveVersion')}
              </Button>
              <Button icon={<PlayCircleOutlined />} onClick={() => setRunning(true)}>
                {t('runs.start')}
              </Button>
            </Space>
          )
        }
      >
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label={t('editor.modelNameZh')}>
            <Input
              aria-label={t('editor.modelNameZh')}
              value={definition.name['zh-CN']}
              onChange={(e) => edit({ ...definition, name: { ...definition.name, 'zh-CN': e.target.value } })}
              style={{ width: 300 }}
            />
          </Form.Item>
          <Form.Item label={t('editor.modelNameEn')}>
            <Input
              aria-label={t('editor.modelNameEn')}
              value={definition.name['en-US']}
              onChange={(e) => edit({ ...definition, name: { ...definition.name, 'en-US': e.target.value } })}
              style={{ width: 300 }}
            />
          </Form.Item>
          <Form.Item label={t('editor.windowMonths')}>
            <InputNumber
              aria-label={t('editor.windowMonths')}
              min={1}
              max={120}
              value={definition.windowMonths ?? 12}
              onChange={(windowMonths) => edit({ ...definition, windowMonths: windowMonths ?? 12 })}
            />
          </Form.Item>
        </Form>
        {(whatIf.error || save.error) && (
          <Alert
            style={{ marginTop: 12 }}
            type="error"
            showIcon
            title={t('editor.invalid')}
            description={problemsOf(whatIf.error ?? save.error).map((p) => (
              <div key={p}>{p}</div>
            ))}
          />
        )}
      </PagePanel>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={13}>
          <Card size="small" title={t('editor.factors')}>
            <FactorListEditor
              factors={definition.factors}
              metrics={metrics}
              onChange={(factors) => edit({ ...definition, factors })}
              preview={
                canEdit
                  ? {
                      windowMonths: definition.windowMonths,
                      costPerContact: definition.costPerContact,
                      lateness: definition.lateness,
                      population: definition.population,
                    }
                  : undefined
              }
            />
          </Card>
        </Col>
        <Col xs={24} xl={11}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={t('editor.methodAndLadder')}>
              <MethodAndLadderEditor definition={definition} onChange={edit} />
            </Card>
            <Card size="small" title={t('editor.stability')}>
              <Space wrap>
                <Space.Compact>
                  <Space.Addon>{t('editor.downgradeAfter')}</Space.Addon>
                  <InputNumber
                    min={1}
                    aria-label={t('editor.downgradeAfter')}
                    value={stability.downgradeAfter}
                    onChange={(value) =>
                      edit({ ...definition, stability: { ...stability, downgradeAfter: value ?? 1 } })
                    }
                  />
                </Space.Compact>
                <Space.Compact>
                  <Space.Addon>{t('editor.downgradeMargin')}</Space.Addon>
                  <InputNumber
                    min={0}
                    aria-label={t('editor.downgradeMargin')}
                    value={stability.downgradeMargin}
                    onChange={(value) =>
                      edit({ ...definition, stability: { ...stability, downgradeMargin: value ?? 0 } })
                    }
                  />
                </Space.Compact>
              </Space>
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                {t('editor.stabilityHint')}
              </Typography.Paragraph>
            </Card>
          </Space>
        </Col>
      </Row>
      {whatIf.data && <WhatIfPanel whatIf={whatIf.data} />}
      {running && models.data && (
        <StartRunModal
          models={models.data.items}
          initialModelId={model.id}
          onClose={() => setRunning(false)}
        />
      )}
    </Space>
  );
}

export default function ModelEditorPage() {
  const id = Number(useParams().id);
  const model = useModel(id);
  const metrics = useMetrics();
  if (!Number.isInteger(id) || id <= 0 || (model.error instanceof ApiError && model.error.isNotFound))
    return <NotFoundPage />;
  return (
    <QueryState query={model}>
      {(data) => (
        <QueryState query={metrics}>
          {(catalogue) => (
            <Editor key={`${data.id}-${data.currentVersion}`} model={data} metrics={catalogue.items} />
          )}
        </QueryState>
      )}
    </QueryState>
  );
}
