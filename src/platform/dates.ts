/** The one dd/mm/yyyy lives in the contracts, where the audit vocabulary (read by the web too) uses it. */
export { formatViDate } from '../contracts/dates.ts';
