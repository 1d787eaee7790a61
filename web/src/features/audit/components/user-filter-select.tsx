import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../../app/hooks/use-debounced-value.ts';
import { useUsers } from '../../users/api.ts';

type Props = { value?: number; onChange: (value: number | undefined) => void };

/** Pick a user by username or name (GET /api/users?q=). */
export function UserFilterSelect({ value, onChange }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 250);
  const users = useUsers({ q: q || undefined, page: 1, pageSize: 20 });
  const options = (users.data?.items ?? []).map((u) => ({
    value: u.id,
    label: `${u.username} — ${u.fullName}`,
  }));
  return (
    <Select<number>
      allowClear
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      options={options}
      loading={users.isFetching}
      placeholder={t('audit.filters.user')}
      aria-label={t('audit.filters.user')}
      showSearch={{ filterOption: false, onSearch: setText }}
      style={{ width: 240 }}
    />
  );
}
