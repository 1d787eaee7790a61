import type { AuditLang } from '@contracts/audit-vocabulary.ts';
import { useTranslation } from 'react-i18next';

/** The log's words follow the UI language (contracts/audit-vocabulary.ts holds them, shared with the export). */
export function useAuditLang(): AuditLang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'vi';
}
