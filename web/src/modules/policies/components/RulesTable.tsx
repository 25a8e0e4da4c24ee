import { InputNumber, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { pickLocalised } from '../../../shared/format/localised';
import { managerModes, type Localised, type PolicyRule } from '../api/policies.api';
import { userLevels } from '../../users/api/users.api';

type NumberField =
  | 'maxCustomersPerManager'
  | 'contactCadenceDays'
  | 'visitCadenceDays'
  | 'paymentTermsDays'
  | 'deliveryPriority'
  | 'responseHours'
  | 'poolRecallDays';
type DecimalField = 'creditLimit' | 'discountCeiling';

interface RulesTableProps {
  rules: PolicyRule[];
  ladder: Array<{ code: string; name: Localised }>;
  /** Editable when given: each change hands back the whole rule set. */
  onChange?: (rules: PolicyRule[]) => void;
}

/** One row per grade of the model's ladder: how that grade is served. Editable in place for admins. */
export function RulesTable({ rules, ladder, onChange }: RulesTableProps) {
  const { t, i18n } = useTranslation();
  const gradeName = new Map(ladder.map((g) => [g.code, pickLocalised(g.name, i18n.language)]));
  const update = (index: number, patch: Partial<PolicyRule>) =>
    onChange?.(rules.map((rule, i) => (i === index ? { ...rule, ...patch } : rule)));
  const empty = <Typography.Text type="secondary">—</Typography.Text>;

  const numberColumn = (field: NumberField, min = 1) => ({
    title: t(`policies.field.${field}`),
    dataIndex: field,
    width: 96,
    render: (value: number | null, _: PolicyRule, index: number) =>
      onChange ? (
        <InputNumber
          size="small"
          min={min}
          precision={0}
          value={value}
          aria-label={`${t(`policies.field.${field}`)} ${rules[index]?.gradeCode}`}
          onChange={(next) => update(index, { [field]: next ?? null })}
          style={{ width: 80 }}
        />
      ) : (
        (value ?? empty)
      ),
  });
  const decimalColumn = (field: DecimalField, step: number, max?: number) => ({
    title: t(`policies.field.${field}`),
    dataIndex: field,
    width: field === 'creditLimit' ? 140 : 96,
    render: (value: string | null, _: PolicyRule, index: number) =>
      onChange ? (
        <InputNumber<string>
          size="small"
          stringMode
          min="0"
          max={max === undefined ? undefined : String(max)}
          step={step}
          value={value}
          aria-label={`${t(`policies.field.${field}`)} ${rules[index]?.gradeCode}`}
          onChange={(next) => update(index, { [field]: next ?? null })}
          style={{ width: field === 'creditLimit' ? 128 : 80 }}
        />
      ) : (
        (value ?? empty)
      ),
  });

  const columns: ColumnsType<PolicyRule> = [
    {
      title: t('policies.field.grade'),
      dataIndex: 'gradeCode',
      fixed: 'left',
      width: 120,
      render: (code: string) => (
        <span>
          <Typography.Text strong>{code}</Typography.Text> {gradeName.get(code)}
        </span>
      ),
    },
    {
      title: t('policies.field.managerMode'),
      dataIndex: 'managerMode',
      width: 130,
      render: (mode: PolicyRule['managerMode'], rule, index) =>
        onChange ? (
          <Select
            size="small"
            value={mode}
            style={{ width: 118 }}
            aria-label={`${t('policies.field.managerMode')} ${rule.gradeCode}`}
            options={managerModes.map((m) => ({ value: m, label: t(`policies.mode.${m}`) }))}
            onChange={(next) =>
              update(index, {
                managerMode: next,
                ...(next === 'dedicated' ? { maxCustomersPerManager: 1 } : {}),
                ...(next === 'channel' || next === 'pool'
                  ? { maxCustomersPerManager: null, requiredLevel: null }
                  : {}),
              })
            }
          />
        ) : (
          t(`policies.mode.${mode}`)
        ),
    },
    numberColumn('maxCustomersPerManager'),
    {
      title: t('policies.field.requiredLevel'),
      dataIndex: 'requiredLevel',
      width: 110,
      render: (level: PolicyRule['requiredLevel'], rule, index) =>
        onChange ? (
          <Select
            size="small"
            allowClear
            value={level ?? undefined}
            style={{ width: 96 }}
            aria-label={`${t('policies.field.requiredLevel')} ${rule.gradeCode}`}
            options={userLevels.map((l) => ({ value: l, label: t(`policies.level.${l}`) }))}
            onChange={(next) => update(index, { requiredLevel: next ?? null })}
          />
        ) : level ? (
          t(`policies.level.${level}`)
        ) : (
          empty
        ),
    },
    numberColumn('contactCadenceDays'),
    numberColumn('visitCadenceDays'),
    decimalColumn('creditLimit', 10000),
    numberColumn('paymentTermsDays', 0),
    decimalColumn('discountCeiling', 0.01, 1),
    numberColumn('deliveryPriority'),
    numberColumn('responseHours'),
    numberColumn('poolRecallDays'),
  ];
  return (
    <Table
      rowKey="gradeCode"
      size="small"
      columns={columns}
      dataSource={rules}
      pagination={false}
      scroll={{ x: 1300 }}
      data-testid="policy-rules"
    />
  );
}
