import { useCallback, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { dictionariesApi, type DictionaryEntry, type DictionaryKind } from '../api/dictionaries.api';

export function useDictionaries() {
  return useQuery({ queryKey: ['dictionaries'], queryFn: dictionariesApi.list, staleTime: 10 * 60_000 });
}

function entryName(entry: DictionaryEntry, language: string): string {
  return language.startsWith('zh') ? entry.nameZh : entry.nameEn;
}

/**
 * The name of a dictionary code in the user's language. While the dictionary loads (or if it cannot), the code
 * itself is shown: it is still the true value, only less readable.
 */
export function useDictionaryLabel(): (kind: DictionaryKind, code: string | null | undefined) => string {
  const { i18n } = useTranslation();
  const { data } = useDictionaries();
  const byKey = useMemo(
    () => new Map((data?.items ?? []).map((entry) => [`${entry.kind}:${entry.code}`, entry])),
    [data],
  );
  return useCallback(
    (kind, code) => {
      if (!code) return '';
      const entry = byKey.get(`${kind}:${code}`);
      return entry ? entryName(entry, i18n.language) : code;
    },
    [byKey, i18n.language],
  );
}

/** Active entries of one kind as select options, in the dictionary's order. */
export function useDictionaryOptions(kind: DictionaryKind): { value: string; label: string }[] {
  const { i18n } = useTranslation();
  const { data } = useDictionaries();
  return useMemo(
    () =>
      (data?.items ?? [])
        .filter((entry) => entry.kind === kind && entry.active)
        .sort((a, b) => a.sort - b.sort)
        .map((entry) => ({ value: entry.code, label: entryName(entry, i18n.language) })),
    [data, kind, i18n.language],
  );
}
