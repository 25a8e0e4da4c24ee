import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useActor } from '../../auth/hooks/useSession';
import { useUserOptions } from '../hooks/useUsers';

/**
 * Narrows a page to one person: the account manager of the customers, or (with its own `label`) who did something.
 * A rep's scope is their own customers: they do not see it.
 */
export function OwnerFilter({
  value,
  onChange,
  label,
}: {
  value?: number;
  onChange: (userId?: number) => void;
  label?: string;
}) {
  const { t } = useTranslation();
  const name = label ?? t('funnel.owner');
  const actor = useActor();
  const owners = useUserOptions(actor.role !== 'rep');
  if (actor.role === 'rep') return null;
  return (
    <Select
      allowClear
      showSearch
      optionFilterProp="label"
      aria-label={name}
      placeholder={name}
      style={{ width: 180 }}
      value={value}
      onChange={(userId?: number) => onChange(userId)}
      options={owners}
    />
  );
}
