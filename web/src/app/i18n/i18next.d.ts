import 'i18next';
import type { Resource } from './vi.ts';

/** Typed keys: `t('plans.titel')` fails the type check. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Resource };
    strictKeyChecks: true;
  }
}
