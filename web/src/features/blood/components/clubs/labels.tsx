import { clubKinds } from '@contracts/blood/common.ts';
import { Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shared bits of the clubs pages: kind names, an id from the route. */

export function parseId(raw: string | undefined): number | undefined {
  return raw && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : undefined;
}

export function ClubKindTag({ kind }: { kind: (typeof clubKinds)[number] }) {
  const { t } = useTranslation();
  const color = { rare_blood: 'red', family: 'gold', mobilisers: 'blue', reserve: 'default' }[kind];
  return <Tag color={color}>{t(`bloodClubs.kinds.${kind}`)}</Tag>;
}

export function ClubKindSelect(props: {
  id?: string;
  value?: string;
  onChange?: (v: string) => void;
  allowClear?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
}) {
  const { t } = useTranslation();
  return (
    <Select {...props} options={clubKinds.map((k) => ({ value: k, label: t(`bloodClubs.kinds.${k}`) }))} />
  );
}
