import { Select } from 'antd';
import { type CSSProperties, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../../app/hooks/use-debounced-value.ts';
import { useRecipients } from '../api/recipients.ts';

type Unit = { orgId: number; orgName: string };

type Props = {
  planId: number;
  /** report: the units the caller reports for; implement: those it may issue an implementing plan as. */
  can: 'report' | 'implement';
  /** What the plan's detail already names (the first ones) and how many there are in all. */
  first: Unit[];
  total: number;
  value?: number;
  onChange?: (orgId: number) => void;
  /** Units to offer besides (e.g. the one the page was opened for). */
  extra?: Unit[];
  id?: string;
  'aria-label'?: string;
  placeholder?: string;
  style?: CSSProperties;
};

/**
 * One of the units the caller may act for on a plan. The detail names the first few; when there are more
 * (an administrator over thousands of reporters), typing searches them on the server, diacritics ignored.
 */
export function RecipientSelect({ planId, can, first, total, value, onChange, extra = [], ...rest }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 250);
  const remote = total > first.length;
  const found = useRecipients(planId, { can, q: q || undefined, pageSize: 20 }, remote && q !== '');
  const units = new Map<number, string>();
  for (const u of [...extra, ...first]) units.set(u.orgId, u.orgName);
  const shown =
    remote && q !== ''
      ? (found.data?.items ?? []).map((r) => ({ value: r.orgId, label: r.orgName }))
      : [...units].map(([v, label]) => ({ value: v, label }));
  const [picked, setPicked] = useState<Unit | null>(null);
  // The chosen unit stays named after the search that found it is cleared.
  if (value !== undefined && !shown.some((o) => o.value === value)) {
    const label = units.get(value) ?? (picked?.orgId === value ? picked.orgName : undefined);
    if (label) shown.unshift({ value, label });
  }
  return (
    <Select<number>
      {...rest}
      value={value}
      options={shown}
      loading={found.isFetching}
      showSearch={remote ? { filterOption: false, onSearch: setText } : { optionFilterProp: 'label' }}
      notFoundContent={found.isFetching ? t('common.loading') : undefined}
      placeholder={rest.placeholder ?? (remote ? t('plans.fields.findUnit') : undefined)}
      onChange={(v, option) => {
        if (option && !Array.isArray(option)) setPicked({ orgId: v, orgName: String(option.label) });
        setText('');
        onChange?.(v);
      }}
    />
  );
}
