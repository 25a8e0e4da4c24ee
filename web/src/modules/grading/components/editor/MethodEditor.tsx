import {
  Button,
  ColorPicker,
  Descriptions,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import type { ModelDefinition } from '../../api/grading.api';
import { normalisedShares, resizeLadder } from './definition';

const scoreMethods = ['quotas', 'thresholds'];

/** Method with its quotas or thresholds, and the ladder (codes, names in both languages, colours) beside them. */
export function MethodAndLadderEditor({
  definition,
  onChange,
}: {
  definition: ModelDefinition;
  onChange: (definition: ModelDefinition) => void;
}) {
  const { t } = useTranslation();
  const { method, ladder } = definition;
  const scored = scoreMethods.includes(method.kind);
  const quotaShares = normalisedShares(method.quotas ?? []);
  const setMethod = (change: Partial<ModelDefinition['method']>) =>
    onChange({ ...definition, method: { ...method, ...change } });
  const setGrade = (index: number, change: Partial<ModelDefinition['ladder'][number]>) =>
    onChange({ ...definition, ladder: ladder.map((g, i) => (i === index ? { ...g, ...change } : g)) });
  const switchKind = (kind: string) =>
    onChange({
      ...definition,
      method:
        kind === 'quotas'
          ? { kind, quotas: ladder.map(() => Math.round(100 / ladder.length)), ties: 'strict' }
          : {
              kind,
              thresholds: ladder.slice(1).map((_, i) => Math.round(100 - ((i + 1) * 100) / ladder.length)),
            },
    });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text>{t('editor.method')}</Typography.Text>
        {scored ? (
          <Select
            aria-label={t('editor.method')}
            value={method.kind}
            style={{ width: 200 }}
            onChange={switchKind}
            options={scoreMethods.map((kind) => ({ value: kind, label: t(`method.${kind}`) }))}
          />
        ) : (
          <Typography.Text strong>{t(`method.${method.kind}`)}</Typography.Text>
        )}
        {scored && (
          <>
            <Button
              size="small"
              disabled={ladder.length <= 2}
              onClick={() => onChange(resizeLadder(definition, ladder.length - 1))}
            >
              {t('editor.removeGrade')}
            </Button>
            <Button
              size="small"
              disabled={ladder.length >= 9}
              onClick={() => onChange(resizeLadder(definition, ladder.length + 1))}
            >
              {t('editor.addGrade')}
            </Button>
          </>
        )}
      </Space>
      {!scored && (
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('editor.methodSettings')}>
            <Typography.Text code style={{ whiteSpace: 'pre-wrap' }}>
              {JSON.stringify(method)}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      )}
      <Table
        size="small"
        pagination={false}
        // Codes are being edited, so the position is the only stable key.
        rowKey="position"
        dataSource={ladder.map((grade, position) => ({ ...grade, position }))}
        columns={[
          {
            title: t('editor.code'),
            key: 'code',
            width: 90,
            render: (_, g, i) => (
              <Input
                size="small"
                aria-label={t('editor.code')}
                value={g.code}
                onChange={(e) => setGrade(i, { code: e.target.value })}
              />
            ),
          },
          {
            title: t('editor.nameZh'),
            key: 'zh',
            render: (_, g, i) => (
              <Input
                size="small"
                aria-label={t('editor.nameZh')}
                value={g.name['zh-CN']}
                onChange={(e) => setGrade(i, { name: { ...g.name, 'zh-CN': e.target.value } })}
              />
            ),
          },
          {
            title: t('editor.nameEn'),
            key: 'en',
            render: (_, g, i) => (
              <Input
                size="small"
                aria-label={t('editor.nameEn')}
                value={g.name['en-US']}
                onChange={(e) => setGrade(i, { name: { ...g.name, 'en-US': e.target.value } })}
              />
            ),
          },
          {
            title: t('editor.colour'),
            key: 'colour',
            width: 70,
            render: (_, g, i) => (
              <ColorPicker
                size="small"
                disabledAlpha
                value={g.color ?? '#8c8c8c'}
                onChangeComplete={(colour) => setGrade(i, { color: colour.toHexString() })}
              />
            ),
          },
          ...(method.kind === 'quotas'
            ? [
                {
                  title: t('editor.quota'),
                  key: 'quota',
                  width: 170,
                  render: (_: unknown, __: unknown, i: number) => (
                    <Space size={4}>
                      <InputNumber
                        size="small"
                        min={0.1}
                        max={100}
                        aria-label={t('editor.quota')}
                        value={method.quotas?.[i]}
                        onChange={(value) =>
                          setMethod({
                            quotas: (method.quotas ?? []).map((q, j) => (j === i ? (value ?? q) : q)),
                          })
                        }
                        style={{ width: 70 }}
                      />
                      <Typography.Text type="secondary">
                        = {(quotaShares[i] ?? 0).toFixed(1)}%
                      </Typography.Text>
                    </Space>
                  ),
                },
              ]
            : []),
          ...(method.kind === 'thresholds'
            ? [
                {
                  title: t('editor.minScore'),
                  key: 'threshold',
                  width: 120,
                  render: (_: unknown, __: unknown, i: number) =>
                    i < ladder.length - 1 ? (
                      <InputNumber
                        size="small"
                        min={0}
                        max={100}
                        aria-label={t('editor.minScore')}
                        value={method.thresholds?.[i]}
                        onChange={(value) =>
                          setMethod({
                            thresholds: (method.thresholds ?? []).map((v, j) => (j === i ? (value ?? v) : v)),
                          })
                        }
                      />
                    ) : (
                      <Typography.Text type="secondary">{t('editor.rest')}</Typography.Text>
                    ),
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}
