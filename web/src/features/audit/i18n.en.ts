import type { viAudit } from './i18n.vi.ts';

export const enAudit: typeof viAudit = {
  title: 'Activity log',
  intro: 'Every data change and every sign-in is recorded. Expand a row to see what changed.',
  empty: 'No activity recorded yet.',
  emptyFiltered: 'No activity matches the filters. Widen the dates or remove a filter.',
  before: 'Before',
  after: 'After',
  nothing: '(none)',
  field: 'Field',
  noChanges: 'No data change was recorded for this action.',
  showRaw: 'Show raw data',
  hideRaw: 'Hide raw data',
  export: 'Export to Excel',
  exportHint: 'Exports the rows matching the filters (at most 50,000).',
  filters: {
    user: 'User',
    entityType: 'Entity type',
    org: 'Organisation (and its subtree)',
    dates: 'Dates',
    action: 'Action',
    kind: 'Activity',
    kinds: { changes: 'Data changes', signins: 'Sign-ins', all: 'All' },
  },
  columns: {
    at: 'Time',
    user: 'User',
    ip: 'IP address',
    action: 'Action',
    entity: 'Entity',
    org: 'Organisation',
  },
};
