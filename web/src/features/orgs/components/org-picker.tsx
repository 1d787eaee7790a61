import { Select } from 'antd';
import { type CSSProperties, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../../app/hooks/use-debounced-value.ts';
import { useOwnLabel } from '../../../app/hooks/use-own-label.ts';
import { useOrg, useOrgSearch } from '../api.ts';

type Props = {
  id?: string;
  value?: number;
  onChange?: (value: number | undefined, label?: string) => void;
  /** Organisations that may not be picked (e.g. the one being moved). */
  excludeIds?: number[];
  placeholder?: string;
  style?: CSSProperties;
};

/** Pick an active organisation by typing part of its name (diacritics ignored). */
export function OrgPicker({ id, value, onChange, excludeIds = [], placeholder, style }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 250);
  const search = useOrgSearch({ q: q || undefined, status: 'active', pageSize: 20 });
  const [labels, setLabels] = useState<Record<number, string>>({});
  // An explicit placeholder says what to type ("Gõ tên đơn vị chủ trì để chọn") and names the field; else its label.
  const ownLabel = useOwnLabel(id, t('orgs.pickerLabel'));
  const ariaLabel = placeholder ?? ownLabel;
  const options = (search.data?.items ?? [])
    .filter((o) => !excludeIds.includes(o.id))
    .map((o) => ({
      value: o.id,
      label: o.name,
      title: o.parentName ? `${o.name} — ${o.parentName}` : o.name,
    }));
  const listed = value === undefined || options.some((o) => o.value === value);
  // A value given from outside (a default, a saved record) is named by loading that organisation.
  const given = useOrg(!listed && value !== undefined && !labels[value] ? value : undefined);
  const label = value === undefined ? undefined : (labels[value] ?? given.data?.name);
  if (value !== undefined && label && !listed) {
    options.unshift({ value, label, title: label });
  }
  return (
    <Select<number>
      id={id}
      allowClear
      style={style}
      value={value}
      options={options}
      loading={search.isFetching}
      placeholder={placeholder ?? t('orgs.pickerPlaceholder')}
      aria-label={ariaLabel}
      notFoundContent={search.isFetching ? t('common.loading') : t('orgs.pickerEmpty')}
      showSearch={{ filterOption: false, onSearch: setText }}
      popupMatchSelectWidth={440}
      optionRender={(option) => (
        <div>
          <div>{option.data.label}</div>
          {option.data.title !== option.data.label && (
            <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>
              {String(option.data.title).split(' — ')[1]}
            </div>
          )}
        </div>
      )}
      onChange={(v, option) => {
        const label = option && !Array.isArray(option) ? String(option.label) : undefined;
        if (v !== undefined && label) setLabels((l) => ({ ...l, [v]: label }));
        onChange?.(v, label);
      }}
    />
  );
}
