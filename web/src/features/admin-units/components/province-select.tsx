import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { foldedSearch } from '../../../app/text.ts';
import { useProvinces } from '../api.ts';

/** One of the 34 provinces in force, found by typing part of its name (diacritics ignored); its code is the value. */
export function ProvinceSelect(props: {
  id?: string;
  value?: string | null;
  onChange?: (v: string | undefined) => void;
  allowClear?: boolean;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const provinces = useProvinces();
  return (
    <Select<string>
      {...props}
      value={props.value ?? undefined}
      placeholder={props.placeholder ?? t('adminUnits.provincePlaceholder')}
      showSearch={foldedSearch}
      loading={provinces.isLoading}
      options={(provinces.data ?? []).map((p) => ({ value: p.code, label: p.name }))}
    />
  );
}

/** A province's name from its code (the code itself while the list loads or when it names none). */
export function ProvinceName({ code }: { code: string | null | undefined }) {
  const provinces = useProvinces();
  if (!code) return <>—</>;
  return <>{provinces.data?.find((p) => p.code === code)?.name ?? code}</>;
}
