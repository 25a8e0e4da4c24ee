import { Button, Card, Flex, Input, InputNumber, Select, Slider, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { pickLocalised } from '../../../../shared/format/localised';
import type {
  FactorPreviewContext,
  FactorSpec,
  Metric,
  NormaliserKind,
  NormaliserSpec,
} from '../../api/grading.api';
import { defaultNormaliser, normalisedShares, scaleTo100 } from './definition';
import { FactorHistograms } from './FactorHistograms';

const normaliserKinds: NormaliserKind[] = [
  'percentile',
  'minmax',
  'log-minmax',
  'zscore',
  'bins',
  'category',
];

const numbers = (text: string) =>
  text
    .split(/[,，\s]+/)
    .filter(Boolean)
    .map(Number)
    .filter(Number.isFinite);

function NormaliserSettings({
  spec,
  onChange,
}: {
  spec: NormaliserSpec;
  onChange: (spec: NormaliserSpec) => void;
}) {
  const { t } = useTranslation();
  switch (spec.kind) {
    case 'percentile':
      return (
        <Select
          size="small"
          aria-label={t('editor.nulls')}
          value={spec.nulls ?? 'first'}
          style={{ width: 150 }}
          onChange={(nulls) => onChange({ ...spec, nulls })}
          options={(['first', 'last', 'policy'] as const).map((v) => ({
            value: v,
            label: t(`editor.nullsKind.${v}`),
          }))}
        />
      );
    case 'zscore':
      return (
        <Space.Compact size="small">
          <Space.Addon>{t('editor.clip')}</Space.Addon>
          <InputNumber
            size="small"
            aria-label={t('editor.clip')}
            min={0.5}
            step={0.5}
            value={spec.clip ?? 3}
            onChange={(clip) => onChange({ ...spec, clip: clip ?? 3 })}
          />
        </Space.Compact>
      );
    case 'bins':
      return (
        <Space size={4} wrap>
          <Input
            size="small"
            aria-label={t('editor.edges')}
            addonBefore={t('editor.edges')}
            defaultValue={spec.edges.join(', ')}
            onBlur={(e) => onChange({ ...spec, edges: numbers(e.target.value) })}
          />
          <Input
            size="small"
            aria-label={t('editor.binScores')}
            addonBefore={t('editor.binScores')}
            defaultValue={spec.scores.join(', ')}
            onBlur={(e) => onChange({ ...spec, scores: numbers(e.target.value) })}
          />
        </Space>
      );
    case 'category':
      return (
        <Input
          size="small"
          aria-label={t('editor.categoryMap')}
          addonBefore={t('editor.categoryMap')}
          defaultValue={Object.entries(spec.map)
            .map(([key, score]) => `${key}=${score}`)
            .join(', ')}
          onBlur={(e) =>
            onChange({
              ...spec,
              map: Object.fromEntries(
                e.target.value
                  .split(/[,，]/)
                  .map((pair) => pair.split('=').map((part) => part.trim()))
                  .filter(([key, score]) => key && Number.isFinite(Number(score)))
                  .map(([key, score]) => [key, Number(score)]),
              ),
            })
          }
        />
      );
    default:
      return null;
  }
}

function FactorRow({
  factor,
  share,
  metrics,
  onChange,
  onRemove,
  depth,
  preview,
}: {
  factor: FactorSpec;
  share: number;
  metrics: readonly Metric[];
  onChange: (factor: FactorSpec) => void;
  onRemove: () => void;
  depth: number;
  preview?: FactorPreviewContext;
}) {
  const { t, i18n } = useTranslation();
  const metric = metrics.find((m) => m.id === factor.metric);
  const label =
    pickLocalised(factor.name, i18n.language) || pickLocalised(metric?.name, i18n.language) || factor.id;
  return (
    <Card
      size="small"
      style={{ marginBottom: 8, background: depth ? '#fafafa' : undefined }}
      data-testid={`factor-${factor.id}`}
    >
      <Flex align="center" gap={12}>
        <Typography.Text strong style={{ width: 160, flex: 'none' }} ellipsis>
          {label}
        </Typography.Text>
        <Slider
          style={{ flex: 1, minWidth: 120 }}
          min={0}
          max={100}
          step={1}
          value={factor.weight}
          onChange={(weight: number) => onChange({ ...factor, weight })}
          aria-label={t('editor.weightOf', { name: label })}
        />
        <InputNumber
          size="small"
          min={0}
          max={1000}
          value={factor.weight}
          aria-label={t('editor.weightOf', { name: label })}
          onChange={(weight) => onChange({ ...factor, weight: weight ?? 0 })}
          style={{ width: 72 }}
        />
        <Typography.Text
          type="secondary"
          style={{ width: 64, flex: 'none' }}
          data-testid={`share-${factor.id}`}
        >
          = {share.toFixed(1)}%
        </Typography.Text>
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('editor.removeFactor')}
          onClick={onRemove}
        />
      </Flex>
      {factor.factors ? (
        <div style={{ marginTop: 8, paddingLeft: 16 }}>
          <FactorListEditor
            factors={factor.factors}
            metrics={metrics}
            depth={depth + 1}
            preview={preview}
            onChange={(factors) => onChange({ ...factor, factors })}
          />
        </div>
      ) : (
        <>
          <Space wrap size={8} style={{ marginTop: 8 }}>
            <Select
              size="small"
              showSearch
              optionFilterProp="label"
              aria-label={t('editor.metric')}
              style={{ width: 220 }}
              value={factor.metric}
              onChange={(id: string) => onChange({ ...factor, metric: id })}
              options={metrics.map((m) => ({ value: m.id, label: pickLocalised(m.name, i18n.language) }))}
            />
            <Select
              size="small"
              aria-label={t('editor.normaliser')}
              style={{ width: 150 }}
              value={factor.normaliser?.kind}
              onChange={(kind: NormaliserKind) =>
                onChange({ ...factor, normaliser: defaultNormaliser(kind) })
              }
              options={normaliserKinds.map((kind) => ({ value: kind, label: t(`normaliser.${kind}`) }))}
            />
            {factor.normaliser && (
              <NormaliserSettings
                spec={factor.normaliser}
                onChange={(normaliser) => onChange({ ...factor, normaliser })}
              />
            )}
            <Select
              size="small"
              aria-label={t('editor.direction')}
              style={{ width: 140 }}
              value={
                factor.direction ??
                (metric && !metric.higherIsBetter ? 'lower-is-better' : 'higher-is-better')
              }
              onChange={(direction: FactorSpec['direction']) => onChange({ ...factor, direction })}
              options={(['higher-is-better', 'lower-is-better'] as const).map((v) => ({
                value: v,
                label: t(`direction.${v}`),
              }))}
            />
          </Space>
          {preview && factor.metric && factor.normaliser && (
            <FactorHistograms
              factorId={factor.id}
              request={{
                ...preview,
                metric: factor.metric,
                normaliser: factor.normaliser,
                direction: factor.direction,
              }}
            />
          )}
        </>
      )}
    </Card>
  );
}

/**
 * A list of sibling factors with weight sliders whose normalised shares always add to 100 %; with a preview
 * context (model editors), each metric factor shows its histograms over the current population.
 */
export function FactorListEditor({
  factors,
  metrics,
  onChange,
  depth = 0,
  preview,
}: {
  factors: readonly FactorSpec[];
  metrics: readonly Metric[];
  onChange: (factors: FactorSpec[]) => void;
  depth?: number;
  preview?: FactorPreviewContext;
}) {
  const { t } = useTranslation();
  const shares = normalisedShares(factors.map((f) => f.weight));
  const addFactor = () => {
    const id = `f${Date.now().toString(36)}`;
    onChange([
      ...factors,
      { id, metric: 'sales_window', normaliser: { kind: 'percentile', nulls: 'first' }, weight: 10 },
    ]);
  };
  return (
    <div>
      {factors.map((factor, i) => (
        <FactorRow
          key={factor.id}
          factor={factor}
          share={shares[i] ?? 0}
          metrics={metrics}
          depth={depth}
          preview={preview}
          onChange={(changed) => onChange(factors.map((f, j) => (j === i ? changed : f)))}
          onRemove={() => onChange(factors.filter((_, j) => j !== i))}
        />
      ))}
      <Space>
        <Button size="small" icon={<PlusOutlined />} onClick={addFactor}>
          {t('editor.addFactor')}
        </Button>
        <Button
          size="small"
          disabled={factors.length === 0}
          onClick={() => {
            const scaled = scaleTo100(factors.map((f) => f.weight));
            onChange(factors.map((f, i) => ({ ...f, weight: scaled[i] ?? 0 })));
          }}
        >
          {t('editor.scaleTo100')}
        </Button>
        <Typography.Text type="secondary">
          {t('editor.sharesTotal', { total: shares.reduce((a, b) => a + b, 0).toFixed(0) })}
        </Typography.Text>
      </Space>
    </div>
  );
}
