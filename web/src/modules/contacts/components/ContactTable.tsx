import { Tooltip } from 'antd';
import { StarFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format/dates';
import { CustomerRecordTable } from '../../customers/components/CustomerRecordTable';
import type { Contact } from '../api/contacts.api';
import { BuyingRoleTag } from './BuyingRoleTag';

export function ContactTable({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  return (
    <CustomerRecordTable<Contact>
      customerId={customerId}
      resource="contacts"
      emptyText={t('contact.empty')}
      scrollX={900}
      columns={[
        {
          title: t('contact.name'),
          dataIndex: 'name',
          render: (name: string, contact) => (
            <span>
              {contact.isKey && (
                <Tooltip title={t('contact.isKey')}>
                  <StarFilled style={{ color: '#faad14', marginRight: 6 }} aria-label={t('contact.isKey')} />
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
  );
}
