import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
import { en as zodEn, vi as zodVi } from 'zod/locales';
import { en } from './en.ts';
import { vi } from './vi.ts';

export type Locale = 'vi' | 'en';

const STORAGE_KEY = 'chungtay.locale';

export function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

function applySideEffects(locale: Locale): void {
  dayjs.locale(locale);
  z.config(locale === 'vi' ? zodVi() : zodEn());
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private browsing: the choice is still remembered server-side once signed in.
  }
}

export async function changeLocale(locale: Locale): Promise<void> {
  applySideEffects(locale);
  await i18n.changeLanguage(locale);
}

export function currentLocale(): Locale {
  return i18n.language === 'en' ? 'en' : 'vi';
}

export function initI18n(): typeof i18n {
  const locale = storedLocale();
  applySideEffects(locale);
  void i18n.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: locale,
    fallbackLng: 'vi',
    interpolation: { escapeValue: false },
  });
  return i18n;
}
