import type { AuditLang } from '@contracts/audit-vocabulary.ts';
import { useTranslation } from 'react-i18next';

/** The log's words follow the UI language (the shared ones and the features' `auditWords`, as the export's). */
export function useAuditLang(): AuditLang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'vi';
}
