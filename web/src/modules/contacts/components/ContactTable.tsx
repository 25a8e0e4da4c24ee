import { Table, Tooltip } from 'antd';
import { StarFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../shared/components/QueryState';
import { formatDate } from '../../../shared/format/dates';
import { useCustomerRecords } from '../../customers/hooks/useCustomerRecords';
import type { Contact } from '../api/contacts.api';
import { BuyingRoleTag } from './BuyingRoleTag';

export function ContactTable({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const contacts = useCustomerRecords<Contact>(customerId, 'contacts');
  return (
    <QueryState query={contacts} isEmpty={(data) => !data.items.length} emptyText={t('contact.empty')}>
      {(data) => (
        <Table<Contact>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={data.items}
          scroll={{ x: 900 }}
          columns={[
            {
              title: t('contact.name'),
              dataIndex: 'name',
              render: (name: string, contact) => (
                <span>
                  {contact.isKey && (
                    <Tooltip title={t('contact.isKey')}>
                      <StarFilled
                        style={{ color: '#faad14', marginRight: 6 }}
                        aria-label={t('contact.isKey')}
                      />
                    </Tooltip>
                  )}
                  {name}
                </span>
              ),
            },
            { title: t('contact.title'), dataIndex: 'title' },
            { title: t('contact.department'), dataIndex: 'department' },
            {
              title: t('contact.buyingRole'),
              dataIndex: 'buyingRole',
              render: (_: unknown, contact) => <BuyingRoleTag role={contact.buyingRole} />,
            },
            { title: t('contact.phone'), dataIndex: 'phone' },
            { title: t('contact.email'), dataIndex: 'email', ellipsis: true },
            { title: t('contact.wechat'), dataIndex: 'wechat' },
            {
              title: t('contact.birthday'),
              dataIndex: 'birthday',
              render: (birthday: string | null) => formatDate(birthday),
            },
            { title: t('contact.interests'), dataIndex: 'interests', ellipsis: true },
          ]}
        />
      )}
    </QueryState>
  );
}
