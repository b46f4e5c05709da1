/**
 * Locale for the whole renderer: one i18next instance per provider (not the global one, so the
 * builder can host several), antd's locale and dayjs' locale switched together.
 */
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCNAntd from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18next, { type i18n as I18n } from 'i18next';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { I18nextProvider, initReactI18next, useTranslation } from 'react-i18next';
import type { Label } from '@tessera/core';
import { resolveLabel } from './label';
import { en } from './messages.en';
import { RendererStyles } from './renderer.styles';
import { zhCN } from './messages.zh-CN';
import { typeMessages } from './type-messages';

export const SUPPORTED_LOCALES = ['en', 'zh-CN'] as const;
const ANTD_LOCALES: Record<string, typeof enUS> = { en: enUS, 'zh-CN': zhCNAntd };
const DAYJS_LOCALES: Record<string, string> = { en: 'en', 'zh-CN': 'zh-cn' };
const STORAGE_KEY = 'tessera.locale';

interface LocaleState {
  locale: string;
  setLocale(locale: string): void;
}
const LocaleContext = createContext<LocaleState>({ locale: 'en', setLocale: () => undefined });

function createI18n(locale: string): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: 'en',
    resources: { en: { translation: { ...en, ...typeMessages('en') } }, 'zh-CN': { translation: { ...zhCN, ...typeMessages('zh-CN') } } },
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
    showSupportNotice: false,
  });
  return instance;
}

export function preferredLocale(available: readonly string[] = SUPPORTED_LOCALES): string {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  if (stored && available.includes(stored)) return stored;
  const nav = typeof navigator === 'undefined' ? 'en' : navigator.language;
  return available.find((l) => l === nav) ?? available.find((l) => l.split('-')[0] === nav.split('-')[0]) ?? available[0] ?? 'en';
}

export function I18nProvider({ locale: initial, children }: { locale?: string; children: ReactNode }) {
  const [locale, setLocaleState] = useState(initial ?? preferredLocale());
  const i18n = useMemo(() => createI18n(locale), []); // eslint-disable-line react-hooks/exhaustive-deps
  const setLocale = useCallback(
    (next: string) => {
      setLocaleState(next);
      void i18n.changeLanguage(next);
      dayjs.locale(DAYJS_LOCALES[next] ?? 'en');
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // private mode: the choice just isn't remembered
      }
    },
    [i18n],
  );
  dayjs.locale(DAYJS_LOCALES[locale] ?? 'en');
  const state = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return (
    <LocaleContext.Provider value={state}>
      <I18nextProvider i18n={i18n}>
        <ConfigProvider locale={ANTD_LOCALES[locale] ?? enUS} theme={{ token: { borderRadius: 6 } }}>
          <AntApp>
            <RendererStyles />
            {children}
          </AntApp>
        </ConfigProvider>
      </I18nextProvider>
    </LocaleContext.Provider>
  );
}

export const useLocale = (): LocaleState => useContext(LocaleContext);

/** `t` for renderer texts plus `label` for definition labels, both in the current locale. */
export function useT() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const label = useCallback((l: Label | undefined | null, fallback = '') => resolveLabel(l, locale, fallback), [locale]);
  return { t, label, locale };
}
