import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Segmented, Switch, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../shared/components/FormDrawer';
import { OnOffTag } from '../../../shared/components/OnOffTag';
import { QueryState } from '../../../shared/components/QueryState';
import { useRules } from '../../../shared/components/useRules';
import {
  dictionariesApi,
  dictionaryKinds,
  type DictionaryEntry,
  type DictionaryEntryInput,
  type DictionaryKind,
} from '../api/dictionaries.api';
import { useDictionaries } from '../hooks/useDictionary';

interface EntryFormValues extends DictionaryEntryInput {
  code: string;
}

function EntryDrawer({
  kind,
  entry,
  nextSort,
  onClose,
}: {
  kind: DictionaryKind;
  entry?: DictionaryEntry;
  nextSort: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = useRules();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: ({ code, ...input }: EntryFormValues) => dictionariesApi.put(kind, code, input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['dictionaries'] }),
  });
  return (
    <FormDrawer<EntryFormValues>
      open
      title={entry ? t('settings.dictionaries.edit', { name: entry.nameZh }) : t('settings.dictionaries.new')}
      onClose={onClose}
      fieldNames={['code', 'nameZh', 'nameEn', 'sort', 'active']}
      initialValues={entry ?? { sort: nextSort, active: true }}
      onSubmit={async (values) => {
        await save.mutateAsync(values);
        void message.success(t('settings.saved'));
      }}
    >
      <Form.Item
        name="code"
        label={t('settings.dictionaries.code')}
        extra={entry ? t('settings.dictionaries.codeFixed') : t('settings.dictionaries.codeHint')}
        rules={[
          rules.required,
          rules.max(50),
          { pattern: /^[A-Za-z0-9_\-.]+$/, message: t('settings.dictionaries.codeHint') },
        ]}
      >
        <Input disabled={entry !== undefined} />
      </Form.Item>
      <Form.Item
        name="nameZh"
        label={t('settings.dictionaries.nameZh')}
        rules={[rules.required, rules.max(100)]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="nameEn"
        label={t('settings.dictionaries.nameEn')}
        rules={[rules.required, rules.max(100)]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="sort" label={t('settings.dictionaries.sort')} rules={[rules.nonNegative]}>
        <InputNumber min={0} max={1_000_000} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="active"
        label={t('settings.dictionaries.active')}
        valuePropName="checked"
        extra={t('settings.dictionaries.activeHint')}
      >
        <Switch />
      </Form.Item>
    </FormDrawer>
  );
}

/**
 * Admins: the company's own code lists (customer type, enterprise nature, industry, source). Codes are stored on
 * records, so they never change or disappear; an entry is renamed, reordered or withdrawn from new input.
 */
export function DictionariesView() {
  const { t } = useTranslation();
  const dictionaries = useDictionaries();
  const [kind, setKind] = useState<DictionaryKind>('customer_type');
  const [editing, setEditing] = useState<{ entry?: DictionaryEntry } | null>(null);
  const entriesOf = (items: DictionaryEntry[]) =>
    items.filter((entry) => entry.kind === kind).sort((a, b) => a.sort - b.sort);
  const nextSort = Math.max(0, ...entriesOf(dictionaries.data?.items ?? []).map((entry) => entry.sort)) + 10;

  return (
    <>
      <Segmented<DictionaryKind>
        value={kind}
        onChange={setKind}
        style={{ marginBottom: 12 }}
        options={dictionaryKinds.map((value) => ({
          value,
          label: t(`settings.dictionaries.kinds.${value}`),
        }))}
      />
      <div>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          style={{ marginBottom: 12 }}
          onClick={() => setEditing({})}
        >
          {t('settings.dictionaries.new')}
        </Button>
      </div>
      <QueryState query={dictionaries}>
        {(data) => (
          <Table<DictionaryEntry>
            size="small"
            rowKey="code"
            dataSource={entriesOf(data.items)}
            pagination={false}
            columns={[
              { title: t('settings.dictionaries.code'), dataIndex: 'code' },
              { title: t('settings.dictionaries.nameZh'), dataIndex: 'nameZh' },
              { title: t('settings.dictionaries.nameEn'), dataIndex: 'nameEn' },
              { title: t('settings.dictionaries.sort'), dataIndex: 'sort', align: 'right' },
              {
                title: t('settings.dictionaries.origin'),
                dataIndex: 'builtin',
                render: (builtin: boolean) =>
                  builtin ? (
                    <Tag>{t('settings.dictionaries.builtin')}</Tag>
                  ) : (
                    <Tag color="blue">{t('settings.dictionaries.custom')}</Tag>
                  ),
              },
              {
                title: t('settings.dictionaries.active'),
                dataIndex: 'active',
                render: (active: boolean) => (
                  <OnOffTag
                    on={active}
                    onText={t('settings.dictionaries.inUse')}
                    offText={t('settings.dictionaries.withdrawn')}
                  />
                ),
              },
              {
                title: '',
                key: 'actions',
                render: (_, entry) => (
                  <Button size="small" type="link" onClick={() => setEditing({ entry })}>
                    {t('action.edit')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      {editing && (
        <EntryDrawer kind={kind} entry={editing.entry} nextSort={nextSort} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
