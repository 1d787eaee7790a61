import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../../app/components/list-table.tsx';
import { formatDate } from '../../../app/dates.ts';
import type { Compliance } from '../api/compliance.ts';

type Due = Compliance['due'][number];
const reasonColor = { never_trained: 'red', expired: 'volcano', expiring: 'gold' } as const;

/** The people who must be (re)trained within the window, with why and until when. */
export function DueTable({
  rows,
  loading,
  days,
  hasUnits,
}: {
  rows: Due[];
  loading: boolean;
  days: number;
  hasUnits: boolean;
}) {
  const { t } = useTranslation();
  return (
    <ListTable<Due>
      size="small"
      rowKey={(d) => `${d.personId}-${d.courseCode}`}
      loading={loading}
      rows={rows}
      scroll={{ x: 820 }}
      empty={t('training.compliance.noneDue', { days })}
      columns={[
        { key: 'i', title: '#', width: 48, render: (_v, _d, i) => i + 1 },
        { key: 'name', title: t('people.fields.fullName'), dataIndex: 'fullName' },
        ...(hasUnits
          ? [{ key: 'employer', title: t('people.fields.employer'), dataIndex: 'employerName' }]
          : []),
        {
          key: 'course',
          title: t('training.requests.course'),
          render: (_v, d) => (
            <Space orientation="vertical" size={0}>
              <span>{d.courseName}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`training.compliance.kind.${d.kind}`, { hours: d.hours })} · {d.legalSource}
              </Typography.Text>
            </Space>
          ),
        },
        {
          key: 'reason',
          title: t('training.compliance.reason'),
          width: 170,
          render: (_v, d) => (
            <Tag color={reasonColor[d.reason]}>{t(`training.compliance.reasons.${d.reason}`)}</Tag>
          ),
        },
        {
          key: 'until',
          title: t('training.certificates.validUntil'),
          width: 130,
          render: (_v, d) => (d.validUntil ? formatDate(d.validUntil) : '—'),
        },
      ]}
    />
  );
}
