import { Tag } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { enumKey, type LifecycleStage } from '../../../shared/enums';

const colours: Record<LifecycleStage, string> = {
  target: 'default',
  intent: 'blue',
  closed_new: 'cyan',
  closed_growing: 'green',
  closed_stable: 'geekblue',
  closed_declining: 'orange',
  churned: 'red',
};

export function LifecycleTag({ stage, locked }: { stage: LifecycleStage; locked?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={colours[stage]}
      icon={locked ? <LockOutlined title={t('customer.lifecycleLocked')} /> : undefined}
    >
      {t(enumKey('lifecycle', stage))}
    </Tag>
  );
}
