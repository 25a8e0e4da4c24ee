import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { asLanguage, languages } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented
      size="small"
      aria-label={t('header.language')}
      value={asLanguage(i18n.language)}
      options={languages.map((language) => ({ value: language, label: t(`language.${language}`) }))}
      onChange={(language) => void i18n.changeLanguage(language)}
    />
  );
}
