import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoles } from '../api.ts';

type Props = { id?: string; value?: string; onChange?: (value: string) => void; style?: CSSProperties };

export function RoleSelect({ id, value, onChange, style }: Props) {
  const { t, i18n } = useTranslation();
  const roles = useRoles();
  const options = (roles.data ?? []).map((r) => ({
    value: r.key,
    label: i18n.language === 'en' ? r.nameEn : r.nameVi,
  }));
  return (
    <Select
      id={id}
      style={style}
      value={value}
      onChange={onChange}
      options={options}
      loading={roles.isPending}
      placeholder={t('users.rolePlaceholder')}
      aria-label={t('users.rolePlaceholder')}
    />
  );
}
