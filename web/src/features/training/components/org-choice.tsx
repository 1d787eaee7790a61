import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useOwnLabel } from '../../../app/hooks/use-own-label.ts';
import { foldedSearch } from '../../../app/text.ts';
import { useCurrentUser } from '../../auth/api.ts';
import { OrgPicker } from '../../orgs/components/org-picker.tsx';
import { type Provider, useProviders } from '../api/catalogue.ts';
import { useClasses } from '../api/classes.ts';
import { useRequests } from '../api/requests.ts';

type Props = {
  id?: string;
  value?: number;
  onChange?: (value: number | undefined) => void;
  placeholder?: string;
  style?: CSSProperties;
};

/** The organisations the user holds a role at (one is the usual answer); a system administrator may search any. */
export function MyOrgSelect({ id, value, onChange, placeholder, style }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const ownLabel = useOwnLabel(id, t('orgs.pickerLabel'));
  const ariaLabel = placeholder ?? ownLabel;
  if (me.isSystemAdmin)
    return (
      <OrgPicker
        id={id}
        value={value}
        onChange={(v) => onChange?.(v)}
        placeholder={placeholder}
        style={style}
      />
    );
  const seen = new Set<number>();
  const options = me.grants
    .filter((g) => !seen.has(g.orgId) && seen.add(g.orgId))
    .map((g) => ({ value: g.orgId, label: g.orgName }));
  return (
    <Select<number>
      id={id}
      value={value}
      onChange={onChange}
      options={options}
      style={style}
      placeholder={placeholder ?? t('orgs.pickerPlaceholder')}
      aria-label={ariaLabel}
      showSearch={foldedSearch}
    />
  );
}

/**
 * The training providers (Red Cross, the Humanitarian Services Center…) from the public directory; when the
 * server has no such directory the searchable organisation picker stands in.
 */
export function ProviderSelect({
  id,
  value,
  onChange,
  style,
  onProvider,
}: Props & { onProvider?: (p: Provider | undefined) => void }) {
  const { t } = useTranslation();
  const providers = useProviders();
  const fallback = providers.isError;
  // Without the directory: the providers this organisation has already worked with (its requests, classes).
  const requests = useRequests(undefined, fallback);
  const classes = useClasses({}, fallback);
  const known = new Map<number, string>();
  for (const r of requests.data ?? []) known.set(r.providerOrgId, r.providerName);
  for (const c of classes.data ?? []) known.set(c.providerOrgId, c.providerName);
  if (fallback && known.size === 0)
    return <OrgPicker id={id} value={value} onChange={(v) => onChange?.(v)} style={style} />;
  const options = fallback
    ? [...known].map(([v, label]) => ({ value: v, label }))
    : (providers.data ?? []).map((p) => ({
        value: p.id,
        label: p.parentName ? `${p.name} — ${p.parentName}` : p.name,
      }));
  return (
    <Select<number>
      id={id}
      value={value}
      loading={providers.isPending}
      style={style}
      placeholder={t('training.requests.providerPlaceholder')}
      aria-label={t('training.requests.provider')}
      showSearch={foldedSearch}
      options={options}
      onChange={(v) => {
        onChange?.(v);
        onProvider?.(providers.data?.find((p) => p.id === v));
      }}
    />
  );
}
