import { useState } from 'react';
import { App, Button, Descriptions, Input, Select, Space, Switch, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../shared/api/error-text';
import { QueryState } from '../../../shared/components/QueryState';
import { formatDateTime } from '../../../shared/format/dates';
import { pickLocalised } from '../../../shared/format/localised';
import type { Policy, PolicyRule } from '../api/policies.api';
import { useChangePolicy, usePolicyVersion, useSavePolicyRules } from '../hooks/usePolicies';
import { RulesTable } from './RulesTable';

/** A policy's current rules (editable by admins as a new version) and any earlier version, read-only. */
export function PolicyDetail({ policy, editable }: { policy: Policy; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<PolicyRule[] | null>(null);
  const [note, setNote] = useState('');
  const [version, setVersion] = useState<number | undefined>(undefined);
  const save = useSavePolicyRules(policy.id);
  const change = useChangePolicy(policy.id);
  const old = usePolicyVersion(policy.id, version === policy.currentVersion ? undefined : version);
  const showingOld = version !== undefined && version !== policy.currentVersion;

  const onSave = async () => {
    if (!draft) return;
    try {
      await save.mutateAsync({ rules: draft, note: note.trim() || null });
      setDraft(null);
      setNote('');
      void message.success(t('policies.saved'));
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions size="small" column={{ xs: 1, md: 4 }}>
        <Descriptions.Item label={t('policies.model')}>
          {pickLocalised(policy.modelName, i18n.language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('policies.priority')}>{policy.priority}</Descriptions.Item>
        <Descriptions.Item label={t('policies.active')}>
          {editable ? (
            <Switch
              checked={policy.active}
              loading={change.isPending}
              aria-label={t('policies.active')}
              onChange={(active) =>
                change.mutateAsync({ active }).catch((error: unknown) => void message.error(errorText(error)))
              }
            />
          ) : (
            <Tag color={policy.active ? 'green' : 'default'}>
              {policy.active ? t('policies.on') : t('policies.off')}
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('policies.version')}>
          <Select
            size="small"
            style={{ minWidth: 220 }}
            aria-label={t('policies.version')}
            value={version ?? policy.currentVersion ?? undefined}
            onChange={(next: number) => {
              setVersion(next);
              setDraft(null);
            }}
            options={policy.versions.map((v) => ({
              value: v.version,
              label: `v${v.version} · ${formatDateTime(v.createdAt)}${v.note ? ` · ${v.note}` : ''}`,
            }))}
          />
        </Descriptions.Item>
      </Descriptions>
      {showingOld ? (
        <QueryState query={old}>
          {(data) => <RulesTable rules={data.rules} ladder={policy.ladder} />}
        </QueryState>
      ) : (
        <RulesTable
          rules={draft ?? policy.rules}
          ladder={policy.ladder}
          onChange={draft ? setDraft : undefined}
        />
      )}
      {editable && !showingOld && (
        <Space wrap>
          {draft ? (
            <>
              <Input
                placeholder={t('policies.note')}
                aria-label={t('policies.note')}
                value={note}
                onChange={(event) => setNote(event.target.value)}
                style={{ width: 320 }}
              />
              <Button type="primary" loading={save.isPending} onClick={onSave}>
                {t('policies.saveVersion')}
              </Button>
              <Button onClick={() => setDraft(null)}>{t('action.cancel')}</Button>
            </>
          ) : (
            <Button onClick={() => setDraft(policy.rules.map((rule) => ({ ...rule })))}>
              {t('policies.editRules')}
            </Button>
          )}
        </Space>
      )}
    </Space>
  );
}
