import { DatePicker, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { auditWords } from '../../../app/audit-words.ts';
import { DATE_PICKER_FORMATS, fromIsoDate, toIsoDate } from '../../../app/dates.ts';
import { fold } from '../../../app/text.ts';
import { OrgPicker } from '../../orgs/components/org-picker.tsx';
import type { AuditFilters } from '../api.ts';
import { useAuditLang } from './audit-lang.ts';
import { UserFilterSelect } from './user-filter-select.tsx';

type Props = { value: AuditFilters; onChange: (filters: AuditFilters) => void };

const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, 'vi');
const searchable = {
  filterOption: (input: string, o?: { label: string }) => fold(o?.label ?? '').includes(fold(input)),
};

export function AuditFiltersBar({ value, onChange }: Props) {
  const { t } = useTranslation();
  const lang = useAuditLang();
  const set = (patch: Partial<AuditFilters>) => onChange({ ...value, ...patch });
  const range: [Dayjs | undefined, Dayjs | undefined] = [fromIsoDate(value.from), fromIsoDate(value.to)];
  const kinds = ['changes', 'signins', 'all'] as const;
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Select
        style={{ width: 170 }}
        aria-label={t('audit.filters.kind')}
        value={value.kind ?? 'all'}
        onChange={(kind: (typeof kinds)[number]) => set({ kind: kind === 'all' ? undefined : kind })}
        options={kinds.map((k) => ({ value: k, label: t(`audit.filters.kinds.${k}`) }))}
      />
      <UserFilterSelect value={value.userId} onChange={(userId) => set({ userId })} />
      <Select
        allowClear
        style={{ width: 200 }}
        placeholder={t('audit.filters.entityType')}
        aria-label={t('audit.filters.entityType')}
        value={value.entityType}
        onChange={(entityType?: string) => set({ entityType })}
        showSearch={searchable}
        options={auditWords.entityTypes.map((e) => ({ value: e, label: auditWords.entityLabel(lang, e) }))}
      />
      <Select
        allowClear
        style={{ width: 220 }}
        placeholder={t('audit.filters.action')}
        aria-label={t('audit.filters.action')}
        value={value.action}
        onChange={(action?: string) => set({ action })}
        showSearch={searchable}
        options={auditWords.actions
          .map((a) => ({ value: a, label: auditWords.actionLabel(lang, a) }))
          .sort(byLabel)}
      />
      <OrgPicker
        style={{ width: 280, maxWidth: '100%' }}
        placeholder={t('audit.filters.org')}
        value={value.orgId}
        onChange={(orgId) => set({ orgId })}
      />
      <DatePicker.RangePicker
        format={DATE_PICKER_FORMATS}
        allowEmpty={[true, true]}
        value={range}
        aria-label={t('audit.filters.dates')}
        onChange={(dates) => set({ from: toIsoDate(dates?.[0]), to: toIsoDate(dates?.[1]) })}
      />
    </Space>
  );
}
