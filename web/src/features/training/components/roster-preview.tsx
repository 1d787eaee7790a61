import type { RosterIssue, RosterResult } from '@contracts/people.ts';
import { Alert, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api-client.ts';
import { formatDate } from '../../../app/dates.ts';
import { translateRosterMessage } from './roster-messages.ts';

export type Preview = Extract<RosterResult, { mode: 'preview' }>;
type Row = Preview['rows'][number];

/** Row errors of a refused commit or a file the server could not read (`details.issues`). */
export function issuesOf(error: unknown): RosterIssue[] {
  if (!isApiError(error) || !['roster.invalid', 'roster.invalid_file'].includes(error.code)) return [];
  return (error.details as { issues?: RosterIssue[] } | null)?.issues ?? [];
}

/** The rows and columns a roster file got wrong. */
export function IssuesTable({ issues }: { issues: RosterIssue[] }) {
  const { t } = useTranslation();
  const sorted = [...issues].sort((a, b) => a.row - b.row);
  return (
    <Table<RosterIssue>
      size="small"
      rowKey={(i) => `${i.row}:${i.field}:${i.message}`}
      dataSource={sorted}
      pagination={sorted.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      columns={[
        { key: 'row', title: t('training.roster.row'), width: 70, render: (_v, i) => i.row || '—' },
        { key: 'col', title: t('training.roster.column'), width: 140, render: (_v, i) => i.column || '—' },
        {
          key: 'msg',
          title: t('training.roster.message'),
          render: (_v, i) => translateRosterMessage(i.message),
        },
      ]}
    />
  );
}

/** Every row of the file as read, with the person it matches or its errors. */
export function RowsTable({ rows }: { rows: Row[] }) {
  const { t } = useTranslation();
  const matchColor = { new: 'blue', existing: 'green', enrolled: 'default' } as const;
  return (
    <Table<Row>
      size="small"
      rowKey="row"
      dataSource={rows}
      scroll={{ x: 760 }}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      rowClassName={(r) => (r.errors.length ? 'row-invalid' : '')}
      columns={[
        { key: 'row', title: t('training.roster.row'), width: 60, dataIndex: 'row' },
        { key: 'name', title: t('people.fields.fullName'), render: (_v, r) => r.fullName ?? '—' },
        {
          key: 'birth',
          title: t('people.fields.birthDate'),
          width: 110,
          render: (_v, r) => formatDate(r.birthDate) || '—',
        },
        { key: 'cccd', title: t('people.fields.cccd'), width: 140, render: (_v, r) => r.cccd ?? '—' },
        { key: 'phone', title: t('people.fields.phone'), width: 120, render: (_v, r) => r.phone ?? '—' },
        {
          key: 'match',
          title: t('training.roster.match'),
          width: 170,
          render: (_v, r) =>
            r.errors.length ? (
              <Tag color="red">{t('training.roster.errorsN', { count: r.errors.length })}</Tag>
            ) : (
              <Space orientation="vertical" size={0}>
                {r.match && <Tag color={matchColor[r.match]}>{t(`training.roster.matches.${r.match}`)}</Tag>}
                {r.warnings.map((w) => (
                  <Typography.Text key={w} type="warning" style={{ fontSize: 12 }}>
                    {translateRosterMessage(w)}
                  </Typography.Text>
                ))}
              </Space>
            ),
        },
      ]}
    />
  );
}

/** What a commit would do: valid rows, new and known people, seats left, who goes to the waitlist. */
export function PreviewSummary({ p }: { p: Preview }) {
  const { t } = useTranslation();
  const fresh = p.rows.filter((r) => r.match === 'new' || r.match === 'existing').length;
  const toWaitlist = Math.max(0, fresh - p.seatsLeft);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert
        type={p.invalid ? 'error' : 'success'}
        showIcon
        title={
          p.invalid
            ? t('training.roster.previewBad', { total: p.total, invalid: p.invalid, count: p.issues.length })
            : t('training.roster.previewGood', { total: p.total })
        }
        description={
          <Space orientation="vertical" size={0}>
            <span>{t('training.roster.nothingSaved')}</span>
            <span>
              {t('training.roster.previewCounts', {
                valid: p.valid,
                fresh: p.newPeople,
                existing: p.existingPeople,
                seats: p.seatsLeft,
              })}
            </span>
            {p.invalid > 0 && <span>{t('training.roster.fixAndRetry')}</span>}
          </Space>
        }
      />
      {!p.invalid && toWaitlist > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('training.roster.waitlistWarning', { count: toWaitlist, seats: p.seatsLeft })}
        />
      )}
    </Space>
  );
}

/**
 * How many people a commit writes into the class: each new person once and each existing record once (two rows of
 * one person count once), leaving out rows in error and people already in the class.
 */
export function peopleToWrite(preview: Preview): number {
  const ok = preview.rows.filter((r) => r.errors.length === 0);
  const existing = new Set(ok.filter((r) => r.match === 'existing').map((r) => r.personId));
  return ok.filter((r) => r.match === 'new').length + existing.size;
}
