import type { establishmentView } from '@contracts/blood/drives.ts';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api } from '../../../../app/api-client.ts';
import { useDebouncedValue } from '../../../../app/hooks/use-debounced-value.ts';

type Establishment = z.infer<typeof establishmentView>;

/**
 * The receiving blood establishment of a drive: a hospital or blood centre of any tree (the organiser's own
 * organisation search would not find it), picked by typing part of its name. `initial` names a saved one.
 */
export function EstablishmentPicker({
  id,
  value,
  onChange,
  initial,
}: {
  id?: string;
  value?: number | null;
  onChange?: (v: number | undefined) => void;
  initial?: { id: number; name: string } | null;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 250);
  const found = useQuery({
    queryKey: ['blood', 'establishments', q],
    queryFn: () => api.get<Establishment[]>('/blood/establishments', q ? { q } : {}),
  });
  const [picked, setPicked] = useState<Establishment | null>(null);
  // The option's title (its tooltip) names the parent too: two hospitals of one name are told apart.
  const options = (found.data ?? []).map((o) => ({
    value: o.id,
    label: o.name,
    title: o.parentName ? `${o.name} — ${o.parentName}` : o.name,
  }));
  for (const known of [picked, initial])
    if (known && known.id === value && !options.some((o) => o.value === value))
      options.unshift({ value: known.id, label: known.name, title: known.name });
  return (
    <Select<number>
      id={id}
      allowClear
      value={value ?? undefined}
      options={options}
      loading={found.isFetching}
      placeholder={t('bloodDrives.form.establishmentPlaceholder')}
      notFoundContent={found.isFetching ? t('common.loading') : t('orgs.pickerEmpty')}
      showSearch={{ filterOption: false, onSearch: setText }}
      onChange={(v) => {
        setPicked((found.data ?? []).find((o) => o.id === v) ?? null);
        onChange?.(v);
      }}
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
    />
  );
}
