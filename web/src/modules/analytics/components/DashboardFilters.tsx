import { Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format/dates';
import { pickLocalised } from '../../../shared/format/localised';
import { provinces } from '../../customers/provinces';
import { useDictionaryOptions } from '../../dictionaries/hooks/useDictionary';
import type { GradingModel, Run } from '../../grading/api/grading.api';
import { useTeamOptions, useUserOptions } from '../../users/hooks/useUsers';
import type { AnalyticsFilter } from '../api/analytics.api';

export interface DashboardSelection {
  modelId?: number;
  runId?: number;
  compareRunId?: number;
}

/** Model, run, comparison run and the scope filters; team and owner only for those who see more than their own. */
export function DashboardFilters({
  models,
  runs,
  selection,
  onSelect,
  filter,
  onFilter,
  wide,
}: {
  models: readonly GradingModel[];
  runs: readonly Run[];
  selection: DashboardSelection;
  onSelect: (selection: DashboardSelection) => void;
  filter: AnalyticsFilter;
  onFilter: (filter: AnalyticsFilter) => void;
  wide: boolean;
}) {
  const { t, i18n } = useTranslation();
  const teams = useTeamOptions(wide);
  const owners = useUserOptions(wide);
  const industries = useDictionaryOptions('industry');
  const runOptions = runs.map((run) => ({
    value: run.id,
    label: `#${run.id} · ${formatDate(run.asOf)} · v${run.version}`,
  }));
  const multi = {
    mode: 'multiple' as const,
    allowClear: true,
    maxTagCount: 'responsive' as const,
    style: { width: 180 },
  };
  return (
    <Space wrap size={8}>
      <Select
        aria-label={t('dashboard.model')}
        style={{ width: 260 }}
        value={selection.modelId}
        onChange={(modelId: number) => onSelect({ modelId })}
        options={models.map((m) => ({ value: m.id, label: pickLocalised(m.name, i18n.language) }))}
      />
      <Select
        aria-label={t('dashboard.run')}
        style={{ width: 200 }}
        value={selection.runId}
        onChange={(runId: number) => onSelect({ ...selection, runId, compareRunId: undefined })}
        options={runOptions}
      />
      <Select
        aria-label={t('dashboard.compareWith')}
        placeholder={t('dashboard.compareWith')}
        style={{ width: 200 }}
        allowClear
        value={selection.compareRunId}
        onChange={(compareRunId?: number) => onSelect({ ...selection, compareRunId })}
        options={runOptions.filter((option) => option.value !== selection.runId)}
      />
      {wide && (
        <>
          <Select
            {...multi}
            aria-label={t('customer.team')}
            placeholder={t('customer.team')}
            value={filter.teamId}
            options={teams}
            onChange={(teamId: number[]) => onFilter({ ...filter, teamId })}
          />
          <Select
            {...multi}
            aria-label={t('customer.owner')}
            placeholder={t('customer.owner')}
            value={filter.ownerId}
            options={owners}
            onChange={(ownerId: number[]) => onFilter({ ...filter, ownerId })}
          />
        </>
      )}
      <Select
        {...multi}
        aria-label={t('customer.province')}
        placeholder={t('customer.province')}
        value={filter.province}
        options={provinces.map((p) => ({ value: p, label: p }))}
        onChange={(province: string[]) => onFilter({ ...filter, province })}
      />
      <Select
        {...multi}
        aria-label={t('customer.industry')}
        placeholder={t('customer.industry')}
        value={filter.industry}
        options={industries}
        onChange={(industry: string[]) => onFilter({ ...filter, industry })}
      />
    </Space>
  );
}
