import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { pickLocalised } from '../../../shared/format/localised';
import type { Grade } from '../api/grading.api';

/** A grade in its ladder colour, named in the user's language. */
export function GradeTag({ grade, suffix }: { grade: Grade | undefined; suffix?: string }) {
  const { i18n } = useTranslation();
  if (!grade) return <Tag>—</Tag>;
  return (
    <Tag color={grade.color ?? undefined} style={{ marginInlineEnd: 4 }}>
      {pickLocalised(grade.name, i18n.language)}
      {suffix}
    </Tag>
  );
}

export function gradeAt(ladder: readonly Grade[], index: number | null | undefined): Grade | undefined {
  return index === null || index === undefined || index < 0 ? undefined : ladder[index];
}
