import type { PlanView } from '@contracts/plans.ts';
import { Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { formatDate, formatDateTime } from '../../../app/dates.ts';

type Revision = PlanView['revisions'][number];

/** Fields an amendment may change ({ from, to } in `changes`), in the order a reader expects them. */
const fieldOrder = [
  'title',
  'periodEnd',
  'objectives',
  'reportDueOn',
  'reportDueDays',
  'reportLockDays',
] as const;
type Field = (typeof fieldOrder)[number];
const isField = (key: string): key is Field => (fieldOrder as readonly string[]).includes(key);

function valueText(t: TFunction, field: Field, value: unknown): string {
  if (value === null || value === undefined || value === '') {
    return field === 'reportLockDays' ? t('plans.revisions.noLock') : t('plans.revisions.blank');
  }
  if (field === 'periodEnd' || field === 'reportDueOn') return formatDate(String(value));
  if (field === 'reportDueDays' || field === 'reportLockDays')
    return t('plans.revisions.days', { count: Number(value) });
  if (field === 'title' || field === 'objectives') return `“${String(value)}”`;
  return String(value);
}

const isChange = (v: unknown): v is { from: unknown; to: unknown } =>
  typeof v === 'object' && v !== null && 'to' in v;
const ids = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * `changes` of a revision as sentences: "Ngày kết thúc: 31/12/2024 → 30/11/2024", "Bổ sung đơn vị báo cáo:
 * …" — organisations named by the revision's own names (the first 50 of a list; the rest counted),
 * indicator codes with their names.
 */
export function changeLines(t: TFunction, plan: PlanView, revision: Revision): ReactNode[] {
  const { changes, orgNames } = revision;
  const orgs = (list: unknown[]) => {
    const named = list.flatMap((id) => orgNames[String(id)] ?? []);
    const more = list.length - named.length;
    return more > 0 ? [...named, t('plans.revisions.andMore', { count: more })] : named;
  };
  const indicatorName = (code: unknown) => {
    const found = plan.indicators.find((i) => i.code === code);
    return found ? `${found.code} — ${found.name}` : String(code);
  };
  const lines: ReactNode[] = [];
  for (const field of fieldOrder) {
    const change = changes[field];
    if (!isChange(change)) continue;
    lines.push(
      <>
        <Typography.Text strong>{t(`plans.revisions.fields.${field}`)}:</Typography.Text>{' '}
        {valueText(t, field, change.from)} → {valueText(t, field, change.to)}
      </>,
    );
  }
  const added = [
    ['addedReporters', orgs(ids(changes.addedReporters))],
    ['addedCopies', orgs(ids(changes.addedCopies))],
    ['addedIndicators', ids(changes.addedIndicators).map(indicatorName)],
  ] as const;
  for (const [key, names] of added) {
    if (names.length === 0) continue;
    lines.push(
      <>
        <Typography.Text strong>{t(`plans.revisions.${key}`)}:</Typography.Text> {names.join('; ')}
      </>,
    );
  }
  // Anything a later version of the server records, shown as it is rather than hidden.
  for (const [key, value] of Object.entries(changes)) {
    if (isField(key) || added.some(([k]) => k === key)) continue;
    lines.push(`${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
  return lines;
}

function RevisionItem({ plan, revision: r }: { plan: PlanView; revision: Revision }) {
  const { t } = useTranslation();
  const lines = changeLines(t, plan, r);
  return (
    <div>
      <Typography.Text strong>
        {t('plans.revisions.item', { revision: r.revision, date: formatDate(r.revisedOn) })}
      </Typography.Text>
      {r.documentNumber && (
        <Typography.Text> — {t('plans.revisions.byDocument', { number: r.documentNumber })}</Typography.Text>
      )}
      <Typography.Paragraph style={{ margin: '4px 0' }}>
        <Typography.Text type="secondary">{t('plans.revisions.reason')}:</Typography.Text> {r.reason}
      </Typography.Paragraph>
      {lines.length > 0 && (
        <ul className="revision-changes" aria-label={t('plans.revisions.changes')}>
          {lines.map((line, n) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one stored revision never reorder
            <li key={n}>{line}</li>
          ))}
        </ul>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('plans.revisions.recordedAt', { at: formatDateTime(r.createdAt) })}
      </Typography.Text>
    </div>
  );
}

/** Văn bản điều chỉnh: each revision with its date, document number, reason and what changed. */
export function RevisionsTab({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  if (plan.revisions.length === 0) {
    const canAmend = plan.can.manage && plan.status === 'issued';
    return <EmptyState text={canAmend ? t('plans.revisions.emptyCanAmend') : t('plans.revisions.empty')} />;
  }
  return (
    <>
      <Typography.Paragraph type="secondary">{t('plans.revisions.intro')}</Typography.Paragraph>
      <Timeline
        items={plan.revisions.map((r) => ({
          key: r.revision,
          content: <RevisionItem plan={plan} revision={r} />,
        }))}
      />
    </>
  );
}
