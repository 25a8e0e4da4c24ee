import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { compositionDimensions } from '../../analytics/api/analytics.api';
import { useCompositionLabel } from '../../analytics/hooks/useCompositionLabel';
import { useActor } from '../../auth/hooks/useSession';
import { useTeamOptions, useUserOptions } from '../../users/hooks/useUsers';
import type { RunResultsFilter } from '../resultsFilter';

/** The filters a dashboard link brought along (team, owner, composition values), as tags that each remove theirs. */
export function ResultsFilterTags({
  filter,
  onFilter,
}: {
  filter: RunResultsFilter;
  onFilter: (filter: RunResultsFilter) => void;
}) {
  const { t } = useTranslation();
  const label = useCompositionLabel();
  const wide = useActor().role !== 'rep' && Boolean(filter.teamId ?? filter.ownerId);
  const teams = new Map(useTeamOptions(wide).map((o) => [o.value, o.label]));
  const owners = new Map(useUserOptions(wide).map((o) => [o.value, o.label]));
  const tags = [
    {
      key: 'teamId',
      title: t('customer.team'),
      values: filter.teamId?.map((id) => teams.get(id) ?? `#${id}`),
    },
    {
      key: 'ownerId',
      title: t('customer.owner'),
      values: filter.ownerId?.map((id) => owners.get(id) ?? `#${id}`),
    },
    ...compositionDimensions.map((dimension) => ({
      key: dimension,
      title: t(`dashboard.dimension.${dimension}`),
      values: filter[dimension]?.map((value) => label(dimension, value)),
    })),
  ].filter((tag) => tag.values?.length);
  return tags.map((tag) => (
    <Tag key={tag.key} closable onClose={() => onFilter({ ...filter, [tag.key]: undefined })}>
      {tag.title}: {tag.values!.join('、')}
    </Tag>
  ));
}
