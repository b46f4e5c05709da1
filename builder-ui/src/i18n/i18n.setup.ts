/** i18next with the builder's two languages; the choice is remembered in localStorage. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { typeResources } from './type-texts';
import { zhCN } from './zh-CN';

export const LANGUAGES = [
  { value: 'en', label: 'English' },
  { value: 'zh-CN', label: '简体中文' },
];

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('tessera.builder.lang') : null;

void i18next.use(initReactI18next).init({
  resources: { en: { translation: { ...en, ...typeResources('en') } }, 'zh-CN': { translation: { ...zhCN, ...typeResources('zh-CN') } } },
  lng: stored ?? (typeof navigator !== 'undefined' && navigator.language.startsWith('zh') ? 'zh-CN' : 'en'),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  initImmediate: false,
});

export function setLanguage(lang: string) {
  localStorage.setItem('tessera.builder.lang', lang);
  void i18next.changeLanguage(lang);
}

export default i18next;
