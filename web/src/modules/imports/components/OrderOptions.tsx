import { Checkbox, Flex, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EntityOptions } from '../api/imports.api';

type Cancellations = 'cancelled' | 'skip';

/**
 * What an order file may need besides its columns: customers created on the fly, orders whose number marks a
 * cancellation (kept as cancelled, or skipped), and a margin assumed where the file has no cost or profit.
 */
export function OrderOptions({
  options,
  onChange,
}: {
  options: EntityOptions;
  onChange: (options: EntityOptions) => void;
}) {
  const { t } = useTranslation();
  const prefix = options.cancelledPrefix ?? '';
  const cancellations: Cancellations = options.skipOrderPrefix ? 'skip' : 'cancelled';
  const withCancellations = (nextPrefix: string, mode: Cancellations) =>
    onChange({
      ...options,
      cancelledPrefix: nextPrefix || undefined,
      skipOrderPrefix: mode === 'skip' && nextPrefix ? nextPrefix : undefined,
    });

  return (
    <Flex wrap gap={16} align="center">
      <Checkbox
        checked={options.createCustomers ?? false}
        onChange={(event) => onChange({ ...options, createCustomers: event.target.checked })}
      >
        {t('imports.createCustomers')}
      </Checkbox>
      <Flex gap={6} align="center">
        <span>{t('imports.orderOptions.cancelledPrefix')}</span>
        <Input
          aria-label={t('imports.orderOptions.cancelledPrefix')}
          style={{ width: 72 }}
          maxLength={10}
          placeholder="C"
          value={prefix}
          onChange={(event) => withCancellations(event.target.value.trim(), cancellations)}
        />
        <Select<Cancellations>
          aria-label={t('imports.orderOptions.cancellations')}
          disabled={!prefix}
          style={{ width: 180 }}
          value={cancellations}
          onChange={(mode) => withCancellations(prefix, mode)}
          options={(['cancelled', 'skip'] as const).map((value) => ({
            value,
            label: t(`imports.orderOptions.${value}`),
          }))}
        />
      </Flex>
      <Flex gap={6} align="center">
        <span>{t('imports.orderOptions.assumedMargin')}</span>
        <InputNumber<number>
          aria-label={t('imports.orderOptions.assumedMargin')}
          min={0}
          max={100}
          suffix="%"
          style={{ width: 110 }}
          value={options.assumedMargin === undefined ? null : Math.round(options.assumedMargin * 10000) / 100}
          onChange={(percent) =>
            onChange({ ...options, assumedMargin: percent === null ? undefined : percent / 100 })
          }
        />
      </Flex>
    </Flex>
  );
}
