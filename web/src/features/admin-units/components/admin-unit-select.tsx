import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../../app/hooks/use-debounced-value.ts';
import { useAdminUnits } from '../api.ts';

type Props = {
  id?: string;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  /** Label of the current value, which may not be among the first results. */
  initialLabel?: string | null;
};

/** Searchable province/commune picker (diacritics ignored by the server). */
export function AdminUnitSelect({ id, value, onChange, initialLabel }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 250);
  const units = useAdminUnits({ q: q || undefined, pageSize: 30 });
  const options = (units.data?.items ?? []).map((u) => ({
    value: u.code,
    label: u.level === 'commune' && u.provinceName ? `${u.name} — ${u.provinceName}` : u.name,
  }));
  if (value && initialLabel && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: initialLabel });
  }
  return (
    <Select
      id={id}
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={options}
      loading={units.isFetching}
      placeholder={t('adminUnits.pickPlaceholder')}
      notFoundContent={units.isFetching ? t('common.loading') : t('adminUnits.pickEmpty')}
      showSearch={{ filterOption: false, onSearch: setText }}
    />
  );
}
