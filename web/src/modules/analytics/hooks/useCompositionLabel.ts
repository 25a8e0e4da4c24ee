import { useTranslation } from 'react-i18next';
import { enumKey } from '../../../shared/enums';
import { useDictionaryLabel } from '../../dictionaries/hooks/useDictionary';
import type { CompositionDimension } from '../api/analytics.api';

/** A composition value as people read it: code lists by their names, enumerations in the user's language. */
export function useCompositionLabel(): (dimension: CompositionDimension, key: string | null) => string {
  const { t } = useTranslation();
  const dictionary = useDictionaryLabel();
  return (dimension, key) => {
    if (key === null) return t('dashboard.unknown');
    switch (dimension) {
      case 'industry':
        return dictionary('industry', key);
      case 'nature':
        return dictionary('enterprise_nature', key);
      case 'type':
        return dictionary('customer_type', key);
      case 'sizeBand':
        return t(enumKey('sizeBand', key));
      case 'lifecycle':
        return t(enumKey('lifecycle', key));
      default:
        return key;
    }
  };
}
