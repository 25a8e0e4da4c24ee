import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { pickLocalised } from '../../../shared/format/localised';
import type { GradingModel } from '../../grading/api/grading.api';
import type { CustomerGradeCode } from '../api/customers.api';

/** One tag per active model, in the ladder's colour; the tooltip names the model and the grade. */
export function GradeTags({
  grades,
  models,
}: {
  grades: CustomerGradeCode[];
  models: ReadonlyMap<number, GradingModel>;
}) {
  const { t, i18n } = useTranslation();
  if (!grades.length) return <Tag>{t('grades.notGraded')}</Tag>;
  return (
    <Space size={4} wrap>
      {grades.map((grade) => {
        const model = models.get(grade.modelId);
        const step = model?.ladder.find((g) => g.code === grade.code);
        const modelName = pickLocalised(model?.name, i18n.language);
        const gradeName = pickLocalised(step?.name, i18n.language) || grade.code;
        return (
          <Tooltip key={grade.modelId} title={`${modelName}: ${gradeName}`}>
            <Tag color={step?.color ?? undefined} style={{ marginInlineEnd: 0 }}>
              {grade.code}
            </Tag>
          </Tooltip>
        );
      })}
    </Space>
  );
}
