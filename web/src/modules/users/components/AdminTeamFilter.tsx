import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useActor } from '../../auth/hooks/useSession';
import { useTeamOptions } from '../hooks/useUsers';

/**
 * Narrows a page to one team. Only an admin sees it: a manager's scope is already their own team, and a rep's
 * their own customers.
 */
export function AdminTeamFilter({
  value,
  onChange,
}: {
  value?: number;
  onChange: (teamId?: number) => void;
}) {
  const { t } = useTranslation();
  const actor = useActor();
  const teams = useTeamOptions(actor.role === 'admin');
  if (actor.role !== 'admin') return null;
  return (
    <Select
      allowClear
      placeholder={t('compliance.allTeams')}
      aria-label={t('compliance.team')}
      style={{ width: 180 }}
      options={teams}
      value={value}
      onChange={(teamId?: number) => onChange(teamId)}
    />
  );
}
