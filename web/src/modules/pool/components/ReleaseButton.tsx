import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRelease } from '../hooks/usePool';

interface ReleaseButtonProps {
  customerId: number;
  name: string;
  size?: 'small' | 'middle';
  /** After the release: the customer may have left the user's scope (a rep no longer sees it). */
  onReleased?: () => void;
}

/** Gives a customer back to the public pool, after a confirmation. */
export function ReleaseButton({ customerId, name, size = 'small', onReleased }: ReleaseButtonProps) {
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
          await release.mutateAsync({ customerId, leaving: onReleased !== undefined });
          void message.success(t('pool.released', { name }));
          onReleased?.();
        } catch (error) {
          void message.error((error as Error).message);
        }
      }}
    >
      <Button size={size} danger loading={release.isPending}>
        {t('pool.release')}
      </Button>
    </Popconfirm>
  );
}
