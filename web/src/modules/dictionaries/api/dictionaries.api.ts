import { api, type ItemList } from '../../../shared/api/client';

export const dictionaryKinds = ['customer_type', 'enterprise_nature', 'industry', 'source'] as const;
export type DictionaryKind = (typeof dictionaryKinds)[number];

export interface DictionaryEntry {
  kind: DictionaryKind;
  code: string;
  nameZh: string;
  nameEn: string;
  sort: number;
  builtin: boolean;
  active: boolean;
}

export interface DictionaryEntryInput {
  nameZh: string;
  nameEn: string;
  sort?: number;
  active?: boolean;
}

export const dictionariesApi = {
  list: () => api.get<ItemList<DictionaryEntry>>('/dictionaries'),
  put: (kind: DictionaryKind, code: string, input: DictionaryEntryInput) =>
    api.put<DictionaryEntry>(`/dictionaries/${kind}/${encodeURIComponent(code)}`, input),
};
