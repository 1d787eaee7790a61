import { composeAuditWords } from '@contracts/audit-vocabulary.ts';
import { features } from './features.ts';

/**
 * The audit log's words on the web: the shared ones and every feature's `auditWords`, the same sets the server's
 * manifests list (test/audit-vocabulary.test.ts compares them), so the page says what the XLSX export says.
 */
export const auditWords = composeAuditWords(features.flatMap((f) => f.auditWords ?? []));
