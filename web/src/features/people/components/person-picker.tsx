import { Select } from 'antd';
import { type CSSProperties, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../app/dates.ts';
import { useDebouncedValue } from '../../../app/hooks/use-debounced-value.ts';
import { useOwnLabel } from '../../../app/hooks/use-own-label.ts';
import { type Person, usePeople } from '../api.ts';

type Common = {
  id?: string;
  placeholder?: string;
  style?: CSSProperties;
  /** People that may not be picked (e.g. already in the class). */
  excludeIds?: number[];
};
type Single = Common & { multiple?: false; value?: number; onChange?: (v: number | undefined) => void };
type Multiple = Common & { multiple: true; value?: number[]; onChange?: (v: number[]) => void };

function describe(p: Person): string {
  return [p.birthDate ? formatDate(p.birthDate) : null, p.cccd, p.employerName ?? p.orgName]
    .filter(Boolean)
    .join(' · ');
}

/**
 * Finds people in the registry by typing part of a name or phone (diacritics ignored) or a full CCCD; each
 * option shows birth date, masked CCCD and employer so two namesakes can be told apart.
 */
export function PersonPicker(props: Single | Multiple) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 250);
  const search = usePeople({ q: q || undefined, pageSize: 20 });
  const [labels, setLabels] = useState<Record<number, string>>({});
  // An explicit placeholder says what to type and names the field; else the field's label, or "Chọn người".
  const ownLabel = useOwnLabel(props.id, t('people.pickerLabel'));
  const ariaLabel = props.placeholder ?? ownLabel;
  const exclude = new Set(props.excludeIds ?? []);
  const options = (search.data?.items ?? [])
    .filter((p) => !exclude.has(p.id))
    .map((p) => ({ value: p.id, label: p.fullName, title: describe(p) }));
  const chosen = props.multiple ? (props.value ?? []) : props.value === undefined ? [] : [props.value];
  for (const v of chosen)
    if (labels[v] && !options.some((o) => o.value === v))
      options.unshift({ value: v, label: labels[v], title: '' });
  const remember = (option: unknown) => {
    const list = (Array.isArray(option) ? option : [option]) as { value?: number; label?: string }[];
    setLabels((l) => {
      const next = { ...l };
      for (const o of list) if (o?.value !== undefined && o.label) next[o.value] = String(o.label);
      return next;
    });
  };
  const common = {
    id: props.id,
    allowClear: true,
    style: props.style,
    options,
    loading: search.isFetching,
    placeholder: props.placeholder ?? t('people.pickerPlaceholder'),
    'aria-label': ariaLabel,
    notFoundContent: search.isFetching ? t('common.loading') : t('people.pickerEmpty'),
    showSearch: { filterOption: false, onSearch: setText },
    popupMatchSelectWidth: 460,
    optionRender: (option: { data: { label?: ReactNode; title?: string } }) => (
      <div>
        <div>{option.data.label}</div>
        {option.data.title && (
          <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{option.data.title}</div>
        )}
      </div>
    ),
  };
  if (props.multiple)
    return (
      <Select<number[]>
        {...common}
        mode="multiple"
        value={props.value}
        onChange={(v, option) => {
          remember(option);
          props.onChange?.(v);
        }}
      />
    );
  return (
    <Select<number>
      {...common}
      value={props.value}
      onChange={(v, option) => {
        remember(option);
        props.onChange?.(v);
      }}
    />
  );
}
