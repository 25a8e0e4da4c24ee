import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { enumKey, type BuyingRole } from '../../../shared/enums';

const colours: Record<BuyingRole, string> = {
  decision_maker: 'magenta',
  influencer: 'purple',
  supporter: 'green',
  opponent: 'red',
  user: 'blue',
  gatekeeper: 'orange',
};

export function BuyingRoleTag({ role }: { role: BuyingRole | null }) {
  const { t } = useTranslation();
  return role ? <Tag color={colours[role]}>{t(enumKey('buyingRole', role))}</Tag> : null;
}
