import { FilePdfOutlined, QrcodeOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space, Table, type TableColumnsType, type TablePaginationConfig } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { formatDate } from '../../../app/dates.ts';
import { type Certificate, certificateFiles } from '../api/certificates.ts';
import { CertificateReasonModal } from './certificate-reason-modal.tsx';
import { CertificateStateTag } from './training-labels.tsx';

type Props = {
  rows: Certificate[];
  loading: boolean;
  canManage: boolean;
  showClass?: boolean;
  empty: React.ReactNode;
  pagination?: false | TablePaginationConfig;
};

/** Số, holder, course, dates, state; open the PDF or the public verification page; revoke or reissue. */
export function CertificatesTable({ rows, loading, canManage, showClass, empty, pagination = false }: Props) {
  const { t } = useTranslation();
  const [acting, setActing] = useState<{ c: Certificate; action: 'revoke' | 'reissue' } | null>(null);
  const columns: TableColumnsType<Certificate> = [
    {
      key: 'number',
      title: t('training.certificates.number'),
      width: 200,
      render: (_v, c) => <span className="mono nowrap">{c.number}</span>,
    },
    { key: 'person', title: t('training.certificates.holder'), dataIndex: 'personName', width: 190 },
    {
      key: 'birth',
      title: t('people.fields.birthDate'),
      width: 110,
      responsive: ['lg'],
      render: (_v, c) => formatDate(c.personBirthDate),
    },
    ...(showClass
      ? [
          {
            key: 'class',
            title: t('training.certificates.course'),
            width: 300,
            render: (_v: unknown, c: Certificate) => (
              <Space orientation="vertical" size={0}>
                <span>{c.courseName}</span>
                {c.classId && c.classCode && <Link to={`/training/classes/${c.classId}`}>{c.classCode}</Link>}
              </Space>
            ),
          },
        ]
      : []),
    {
      key: 'issued',
      title: t('training.certificates.issuedOn'),
      width: 110,
      render: (_v, c) => formatDate(c.issuedOn),
    },
    {
      key: 'until',
      title: t('training.certificates.validUntil'),
      width: 120,
      render: (_v, c) => (c.validUntil ? formatDate(c.validUntil) : t('training.certificates.noExpiry')),
    },
    {
      key: 'state',
      title: t('training.certificates.state'),
      width: 120,
      render: (_v, c) => (
        <Space orientation="vertical" size={0}>
          <CertificateStateTag state={c.state} />
          {c.statusReason && (
            <span style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{c.statusReason}</span>
          )}
        </Space>
      ),
    },
    {
      key: 'actions',
      title: '',
      width: 250,
      className: 'no-print',
      render: (_v, c) => (
        <Space size={4}>
          <Button
            size="small"
            icon={<FilePdfOutlined />}
            href={certificateFiles.pdf(c.id)}
            target="_blank"
            rel="noreferrer"
            aria-label={t('training.certificates.openPdfOf', { number: c.number })}
          >
            PDF
          </Button>
          {/* A plain link: /verify is the server's public page, not a route of this app. */}
          <Button
            size="small"
            icon={<QrcodeOutlined />}
            href={c.verifyPath}
            target="_blank"
            rel="noreferrer"
            aria-label={t('training.certificates.verifyOf', { number: c.number })}
          >
            {t('training.certificates.verify')}
          </Button>
          {canManage && (c.can?.reissue !== false || c.can?.revoke !== false) && c.status === 'valid' && (
            <Dropdown
              menu={{
                items: [
                  ...(c.can?.reissue !== false
                    ? [{ key: 'reissue', label: t('training.certificates.reissue') }]
                    : []),
                  ...(c.can?.revoke !== false
                    ? [{ key: 'revoke', danger: true, label: t('training.certificates.revoke') }]
                    : []),
                ],
                onClick: ({ key }) => setActing({ c, action: key as 'revoke' | 'reissue' }),
              }}
            >
              <Button size="small" aria-label={t('training.certificates.moreOf', { number: c.number })}>
                …
              </Button>
            </Dropdown>
          )}
        </Space>
      ),
    },
  ];
  return (
    <>
      <Table<Certificate>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={rows}
        columns={columns}
        scroll={{ x: showClass ? 1300 : 1000 }}
        pagination={pagination}
        locale={{ emptyText: <EmptyState text={empty} /> }}
      />
      {acting && (
        <CertificateReasonModal
          certificate={acting.c}
          action={acting.action}
          onClose={() => setActing(null)}
        />
      )}
    </>
  );
}
