import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import relativeTime from 'dayjs/plugin/relativeTime';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { setApiLanguage } from '../shared/api/client';
import zhCN from './zh-CN.json';
import enUS from './en-US.json';

export const languages = ['zh-CN', 'en-US'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'stratum.language';
const dayjsLocales: Record<Language, string> = { 'zh-CN': 'zh-cn', 'en-US': 'en' };

dayjs.extend(localizedFormat);
dayjs.extend(relativeTime);

function storedLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return languages.find((language) => language === stored) ?? 'zh-CN';
}

export function asLanguage(value: string): Language {
  return languages.find((language) => language === value) ?? 'zh-CN';
}

/** Everything that must follow the chosen language: API messages, dates, the page's lang attribute. */
function applyLanguage(language: Language): void {
  setApiLanguage(language);
  dayjs.locale(dayjsLocales[language]);
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
  if (typeof document !== 'undefined') {
    document.documentElement.lang = language;
    document.title = i18n.t('app.title');
  }
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng: storedLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});
i18n.on('languageChanged', (language) => applyLanguage(asLanguage(language)));
applyLanguage(asLanguage(i18n.language));

export default i18n;
