import { DatePicker, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DATE_INPUT_FORMATS, fromIsoDate, toIsoDate } from '../../../app/dates.ts';
import { OrgPicker } from '../../orgs/components/org-picker.tsx';
import { type AuditFilters, entityTypes } from '../api.ts';
import { UserFilterSelect } from './user-filter-select.tsx';

type Props = { value: AuditFilters; onChange: (filters: AuditFilters) => void };

export function AuditFiltersBar({ value, onChange }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<AuditFilters>) => onChange({ ...value, ...patch });
  const range: [Dayjs | undefined, Dayjs | undefined] = [fromIsoDate(value.from), fromIsoDate(value.to)];
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <UserFilterSelect value={value.userId} onChange={(userId) => set({ userId })} />
      <Select
        allowClear
        style={{ width: 200 }}
        placeholder={t('audit.filters.entityType')}
        aria-label={t('audit.filters.entityType')}
        value={value.entityType}
        onChange={(entityType?: string) => set({ entityType })}
        options={entityTypes.map((e) => ({ value: e, label: t(`audit.entities.${e}`) }))}
      />
      <OrgPicker
        style={{ width: 280 }}
        placeholder={t('audit.filters.org')}
        value={value.orgId}
        onChange={(orgId) => set({ orgId })}
      />
      <DatePicker.RangePicker
        format={DATE_INPUT_FORMATS}
        allowEmpty={[true, true]}
        value={range}
        aria-label={t('audit.filters.dates')}
        onChange={(dates) => set({ from: toIsoDate(dates?.[0]), to: toIsoDate(dates?.[1]) })}
      />
    </Space>
  );
}
