import { api, type ItemList } from '../../../shared/api/client';

export type DictionaryKind = 'customer_type' | 'enterprise_nature' | 'industry' | 'source';

export interface DictionaryEntry {
  kind: DictionaryKind;
  code: string;
  nameZh: string;
  nameEn: string;
  sort: number;
  builtin: boolean;
  active: boolean;
}

export const dictionariesApi = {
  list: () => api.get<ItemList<DictionaryEntry>>('/dictionaries'),
};
