import type { OrgSummary } from '@contracts/orgs.ts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { labelIn } from '../../../app/i18n/keys.ts';

const statusColor = { active: 'green', closed: 'default', merged: 'orange' } as const;

export function OrgStatusTag({ status }: { status: OrgSummary['status'] }) {
  const { t } = useTranslation();
  return <Tag color={statusColor[status]}>{t(`orgStatus.${status}`)}</Tag>;
}

/** "Đã sáp nhập → <successor>" with a link to the organisation it was merged into. */
export function MergedInto({ id, name }: { id: number | null; name: string | null }) {
  const { t } = useTranslation();
  if (id === null) return null;
  return (
    <span>
      {t('orgs.mergedInto')} <Link to={`/orgs/${id}`}>{name ?? `#${id}`}</Link>
    </span>
  );
}

export function useKindLabel(): (kind: string) => string {
  const { t } = useTranslation();
  return (kind) => labelIn(t, 'orgKinds', kind);
}
