import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { enumKey, enums } from '../../../shared/enums';
import { pickLocalised } from '../../../shared/format/localised';
import { useActor } from '../../auth/hooks/useSession';
import { provinces } from '../../customers/provinces';
import { useDictionaryOptions } from '../../dictionaries/hooks/useDictionary';
import { useModels } from '../../grading/hooks/useGrading';
import { useTeamOptions, useUserOptions } from '../../users/hooks/useUsers';

const multiple = {
  mode: 'multiple' as const,
  allowClear: true,
  maxTagCount: 'responsive' as const,
  optionFilterProp: 'label',
};

/**
 * The segment of a batch: the customer list's filters (grade in a model, lifecycle, province, team, owner, type,
 * industry, size), always within the user's own scope on the server. Fields live under `segment` in the form.
 */
export function SegmentFields() {
  const { t, i18n } = useTranslation();
  const actor = useActor();
  const models = (useModels().data?.items ?? []).filter((model) => model.active);
  const form = Form.useFormInstance();
  const modelId = Form.useWatch(['segment', 'gradeModelId'], form) as number | undefined;
  const chosen = models.find((model) => model.id === modelId);
  const grades = [
    ...new Map(
      (chosen ? [chosen] : models).flatMap((model) =>
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
  const enumOptions = (list: 'lifecycle' | 'sizeBand') =>
    enums[list].map((value) => ({ value, label: t(enumKey(list, value)) }));
  const owners = useUserOptions(actor.role !== 'rep');
  const teams = useTeamOptions(actor.role === 'admin');
  const types = useDictionaryOptions('customer_type');
  const industries = useDictionaryOptions('industry');
  return (
    <>
      <Form.Item name={['segment', 'gradeModelId']} label={t('grades.model')}>
        <Select
          allowClear
          options={models.map((model) => ({
            value: model.id,
            label: pickLocalised(model.name, i18n.language),
          }))}
        />
      </Form.Item>
      <Form.Item name={['segment', 'grade']} label={t('grades.grade')}>
        <Select {...multiple} options={grades} />
      </Form.Item>
      <Form.Item name={['segment', 'lifecycle']} label={t('customer.lifecycleStage')}>
        <Select {...multiple} options={enumOptions('lifecycle')} />
      </Form.Item>
      <Form.Item name={['segment', 'province']} label={t('customer.province')}>
        <Select {...multiple} options={provinces.map((p) => ({ value: p, label: p }))} />
      </Form.Item>
      {actor.role === 'admin' && (
        <Form.Item name={['segment', 'teamId']} label={t('messaging.team')}>
          <Select {...multiple} options={teams} />
        </Form.Item>
      )}
      {actor.role !== 'rep' && (
        <Form.Item name={['segment', 'ownerId']} label={t('customer.owner')}>
          <Select {...multiple} options={owners} />
        </Form.Item>
      )}
      <Form.Item name={['segment', 'type']} label={t('customer.type')}>
        <Select {...multiple} options={types} />
      </Form.Item>
      <Form.Item name={['segment', 'industry']} label={t('customer.industry')}>
        <Select {...multiple} options={industries} />
      </Form.Item>
      <Form.Item name={['segment', 'sizeBand']} label={t('customer.sizeBand')}>
        <Select {...multiple} options={enumOptions('sizeBand')} />
      </Form.Item>
    </>
  );
}
