import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRelease } from '../hooks/usePool';

/** Gives a customer back to the public pool, after a confirmation. */
export function ReleaseButton({ customerId, name }: { customerId: number; name: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const release = useRelease();
  return (
    <Popconfirm
      title={t('pool.releaseConfirm', { name })}
      okText={t('pool.release')}
      cancelText={t('action.cancel')}
      onConfirm={async () => {
        try {
          await release.mutateAsync({ customerId });
          void message.success(t('pool.released', { name }));
        } catch (error) {
          void message.error((error as Error).message);
        }
      }}
    >
      <Button size="small" danger loading={release.isPending}>
        {t('pool.release')}
      </Button>
    </Popconfirm>
  );
}
