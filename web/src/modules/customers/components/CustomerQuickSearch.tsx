import { useEffect, useRef, useState } from 'react';
import { AutoComplete, Flex, Input, Typography, type InputRef } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../../shared/hooks/useDebounced';
import { customersApi } from '../api/customers.api';

const RESULTS = 8;

/** Whether a key press belongs to something the person is typing in, where "/" is just a character. */
function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/**
 * The header's search: a customer by name, short name, code, phone or a contact's name or phone, among the customers
 * the person may see (the list's own filter and scope), opened with Enter or a click. "/" anywhere puts the cursor in it.
 */
export function CustomerQuickSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const term = useDebounced(text.trim(), 250);
  const input = useRef<InputRef>(null);
  const results = useQuery({
    queryKey: ['customers', 'quick-search', term],
    queryFn: () => customersApi.list({ q: term, limit: RESULTS }),
    enabled: term.length > 0,
    staleTime: 30_000,
  });

  useEffect(() => {
    const focusOnSlash = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target))
        return;
      event.preventDefault();
      input.current?.focus();
    };
    window.addEventListener('keydown', focusOnSlash);
    return () => window.removeEventListener('keydown', focusOnSlash);
  }, []);

  const searched = term.length > 0 && term === text.trim() && results.isSuccess;
  return (
    <AutoComplete
      value={text}
      onSearch={setText}
      onSelect={(id: string) => {
        setText('');
        input.current?.blur();
        void navigate(`/customers/${id}`);
      }}
      options={(results.data?.items ?? []).map((customer) => ({
        value: String(customer.id),
        label: (
          <Flex justify="space-between" gap={12}>
            <Typography.Text ellipsis>{customer.name}</Typography.Text>
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
              {[customer.code, customer.ownerName ?? t('quickSearch.unowned')].join(' · ')}
            </Typography.Text>
          </Flex>
        ),
      }))}
      notFoundContent={searched ? t('quickSearch.none', { term }) : undefined}
      popupMatchSelectWidth={420}
      // The header's line height is the bar's own; inherited, it makes the box as tall as the bar.
      style={{ width: 280, lineHeight: 'normal' }}
    >
      <Input
        ref={input}
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('quickSearch.placeholder')}
        aria-label={t('quickSearch.label')}
        data-testid="quick-search"
      />
    </AutoComplete>
  );
}
