// Kept only until the training module imports `contentDisposition` from platform/http/files.ts (its engineer
// repoints it): without it this branch would not type-check. Delete once training no longer imports it.
export { contentDisposition } from '../../platform/http/files.ts';
