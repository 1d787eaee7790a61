import type { OrgEvent, OrgEventData } from '@contracts/orgs.ts';
import { Alert, Spin, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { formatDate, formatDateTime } from '../../../app/dates.ts';
import { errorMessage } from '../../../app/errors.ts';
import { labelIn } from '../../../app/i18n/keys.ts';
import { useOrgHistory } from '../api.ts';

const colors: Record<OrgEvent['type'], string> = {
  created: 'green',
  renamed: 'blue',
  moved: 'blue',
  merged: 'orange',
  absorbed: 'orange',
  closed: 'gray',
  reopened: 'green',
  updated: 'gray',
};

function orgLink(id: number | null | undefined, name: string | null | undefined) {
  if (!name) return '—';
  return id ? <Link to={`/orgs/${id}`}>{name}</Link> : name;
}

/** One event as a sentence: "Đổi tên: A → B", "Chuyển từ X sang Y", … */
function describe(event: OrgEvent, t: TFunction) {
  const d = event.data as OrgEventData;
  switch (event.type) {
    case 'renamed':
      return <>{t('orgs.history.renamed', { from: d.oldName ?? '', to: d.name ?? '' })}</>;
    case 'moved':
      return (
        <>
          {t('orgs.history.movedFrom')} {orgLink(d.fromParentId, d.fromParentName)}{' '}
          {t('orgs.history.movedTo')} {orgLink(d.toParentId, d.toParentName)}
        </>
      );
    case 'merged':
      return (
        <>
          {t('orgs.history.merged')} {orgLink(d.intoId, d.intoName)}
        </>
      );
    case 'absorbed':
      return (
        <>
          {t('orgs.history.absorbed')} {orgLink(d.fromId, d.fromName)}
        </>
      );
    case 'closed':
      return (
        <>
          {t('orgs.history.closed')}
          {d.reason ? ` — ${d.reason}` : ''}
        </>
      );
    case 'updated':
      return (
        <>
          {t('orgs.history.updated', {
            fields: Object.keys(d.changes ?? {})
              .map((f) => labelIn(t, 'orgs.fields', f))
              .join(', '),
          })}
        </>
      );
    default:
      return <>{t(`orgs.history.${event.type}`, d.name ? { name: d.name } : {})}</>;
  }
}

export function OrgHistory({ orgId, enabled }: { orgId: number; enabled: boolean }) {
  const { t } = useTranslation();
  const history = useOrgHistory(orgId, enabled);
  if (history.isPending) return <Spin />;
  if (history.error) return <Alert type="error" showIcon title={errorMessage(history.error)} />;
  if (history.data.length === 0) return <EmptyState text={t('orgs.history.empty')} />;
  const items = history.data.map((event) => ({
    key: event.id,
    color: colors[event.type],
    title: formatDate(event.effectiveOn),
    content: (
      <>
        <div>{describe(event, t)}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('orgs.history.recorded', {
            at: formatDateTime(event.createdAt),
            by: event.actorUsername ?? t('common.system'),
          })}
        </Typography.Text>
      </>
    ),
  }));
  return <Timeline mode="start" items={items} />;
}
