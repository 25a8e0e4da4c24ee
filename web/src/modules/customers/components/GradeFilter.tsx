import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { pickLocalised } from '../../../shared/format/localised';
import type { GradingModel } from '../../grading/api/grading.api';
import type { CustomerListState } from '../hooks/useCustomerListParams';

/** The model first, then grades of its ladder; without a model, grades are offered from every active ladder. */
export function GradeFilter({ state, models }: { state: CustomerListState; models: GradingModel[] }) {
  const { t, i18n } = useTranslation();
  const active = models.filter((model) => model.active);
  const chosen = active.find((model) => String(model.id) === state.params.gradeModelId);
  const ladders = chosen ? [chosen] : active;
  const gradeOptions = [
    ...new Map(
      ladders.flatMap((model) =>
        model.ladder.map((grade) => [
          grade.code,
          {
            value: grade.code,
            label: chosen ? `${grade.code} · ${pickLocalised(grade.name, i18n.language)}` : grade.code,
          },
        ]),
      ),
    ).values(),
  ];
  return (
    <>
      <Select
        allowClear
        placeholder={t('grades.model')}
        aria-label={t('grades.model')}
        style={{ width: 190 }}
        value={chosen ? String(chosen.id) : undefined}
        options={active.map((model) => ({
          value: String(model.id),
          label: pickLocalised(model.name, i18n.language),
        }))}
        onChange={(value: string | undefined) => state.setGradeModel(value)}
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('grades.grade')}
        aria-label={t('grades.grade')}
        style={{ width: 170 }}
        value={state.params.grade ?? []}
        options={gradeOptions}
        onChange={(values: string[]) => state.setFilter('grade', values)}
      />
    </>
  );
}
