import { CheckOutlined, FilePdfOutlined } from '@ant-design/icons';
import { App, Button, Card, List, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../../app/components/empty-state.tsx';
import { formatDate, formatDateTime } from '../../../../app/dates.ts';
import { errorMessage } from '../../../../app/errors.ts';
import { useFormatNumber } from '../../../../app/numbers.ts';
import { type MyVolunteering, useConfirmAssignment } from '../../api/self.ts';
import { AssignmentStatusTag, ProfileStatusTag, useSkillLabel } from './self-labels.tsx';

type Props = { data: MyVolunteering };

export function ProfilesCard({ data }: Props) {
  const { t } = useTranslation();
  return (
    <Card title={t('volunteerSelf.mine.profiles')} data-testid="my-profiles">
      <List
        dataSource={data.profiles}
        renderItem={(p) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space wrap>
                  {p.orgName}
                  <ProfileStatusTag status={p.status} />
                  <Typography.Text type="secondary">
                    {t('volunteerSelf.mine.since', { date: formatDate(p.statusSince) })}
                  </Typography.Text>
                </Space>
              }
              description={[
                t(`volunteerSelf.group.${p.group}` as 'volunteerSelf.group.student'),
                p.faculty,
                p.studyYear ? t('volunteerSelf.mine.studyYear', { year: p.studyYear }) : null,
                p.readyDeclaredOn
                  ? t('volunteerSelf.mine.readyOn', { date: formatDate(p.readyDeclaredOn) })
                  : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

export function QualificationsCard({ data }: Props) {
  const { t } = useTranslation();
  const skill = useSkillLabel();
  const empty = data.qualifications.length === 0 && data.certificates.length === 0;
  return (
    <Card title={t('volunteerSelf.mine.qualifications')} data-testid="my-qualifications">
      {empty && <EmptyState text={t('volunteerSelf.mine.noQualifications')} />}
      {data.qualifications.length > 0 && (
        <Space wrap style={{ marginBottom: 12 }}>
          {data.qualifications.map((q) => (
            <Tag key={`${q.profileId}-${q.skill}`}>
              {skill(q.skill)}
              {q.expiresOn ? ` · ${formatDate(q.expiresOn)}` : ''}
            </Tag>
          ))}
        </Space>
      )}
      {data.certificates.length > 0 && (
        <List
          header={<Typography.Text strong>{t('volunteerSelf.mine.certificates')}</Typography.Text>}
          dataSource={data.certificates}
          renderItem={(c) => (
            <List.Item>
              <List.Item.Meta
                title={c.courseName}
                description={[
                  c.number,
                  formatDate(c.issuedOn),
                  c.validUntil
                    ? t('volunteerSelf.mine.validUntil', { date: formatDate(c.validUntil) })
                    : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

export function AssignmentsCard({ data }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirmAssignment();
  const formatNumber = useFormatNumber();
  return (
    <Card title={t('volunteerSelf.mine.assignments')} data-testid="my-assignments">
      <List
        dataSource={data.assignments}
        locale={{ emptyText: <EmptyState text={t('volunteerSelf.mine.noAssignments')} /> }}
        renderItem={(a) => {
          const open = a.status === 'assigned' || a.status === 'deployed';
          return (
            <List.Item
              actions={[
                open && !a.confirmedAt && (
                  <Button
                    key="confirm"
                    type="primary"
                    icon={<CheckOutlined />}
                    loading={confirm.isPending && confirm.variables === a.id}
                    onClick={() =>
                      confirm.mutate(a.id, {
                        onSuccess: () => message.success(t('volunteerSelf.mine.confirmedOk')),
                        onError: (e) => message.error(errorMessage(e)),
                      })
                    }
                  >
                    {t('volunteerSelf.mine.confirm')}
                  </Button>
                ),
                a.certificateNo && (
                  <Button
                    key="pdf"
                    icon={<FilePdfOutlined />}
                    href={`/api/assignments/${a.id}/certificate.pdf`}
                    target="_blank"
                  >
                    {t('volunteerSelf.mine.downloadCertificate')}
                  </Button>
                ),
              ].filter(Boolean)}
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    {a.waveTitle}
                    <AssignmentStatusTag status={a.status} />
                  </Space>
                }
                description={
                  <Space orientation="vertical" size={0}>
                    <span>
                      {[a.destinationName, a.site, a.task].filter(Boolean).join(' · ')} —{' '}
                      {t('volunteerSelf.mine.dates', {
                        from: formatDate(a.startsOn),
                        to: formatDate(a.endsOn),
                      })}
                    </span>
                    {a.endedOn && (
                      <span>{t('volunteerSelf.mine.endedOn', { date: formatDate(a.endedOn) })}</span>
                    )}
                    {a.confirmedAt && (
                      <Typography.Text type="success">
                        {t('volunteerSelf.mine.confirmed', { time: formatDateTime(a.confirmedAt) })}
                      </Typography.Text>
                    )}
                    {a.hours > 0 && (
                      <span>{t('volunteerSelf.mine.hours', { hours: formatNumber(a.hours, 2) })}</span>
                    )}
                    {a.certificateNo && (
                      <span>{t('volunteerSelf.mine.certificate', { no: a.certificateNo })}</span>
                    )}
                  </Space>
                }
              />
            </List.Item>
          );
        }}
      />
    </Card>
  );
}

export function ShiftsCard({ data }: Props) {
  const { t } = useTranslation();
  const formatNumber = useFormatNumber();
  return (
    <Card
      title={t('volunteerSelf.mine.shifts')}
      extra={t('volunteerSelf.mine.totalHours', { hours: formatNumber(data.totalHours, 2) })}
      data-testid="my-shifts"
    >
      <Table
        size="small"
        rowKey="id"
        dataSource={data.shifts}
        pagination={data.shifts.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: true }}
        locale={{ emptyText: <EmptyState text={t('volunteerSelf.mine.noShifts')} /> }}
        columns={[
          {
            title: t('volunteerSelf.mine.shiftWhere'),
            key: 'where',
            render: (_, s) => [s.destinationName, s.task].filter(Boolean).join(' · '),
          },
          {
            title: t('volunteerSelf.mine.shiftTime'),
            key: 'when',
            render: (_, s) => `${formatDateTime(s.startsAt)} – ${formatDateTime(s.endsAt).slice(-5)}`,
          },
          {
            title: t('volunteerSelf.mine.checkIn'),
            key: 'in',
            render: (_, s) => formatDateTime(s.checkInAt) || '—',
          },
          {
            title: t('volunteerSelf.mine.checkOut'),
            key: 'out',
            render: (_, s) =>
              s.checkoutMissing ? (
                <Typography.Text type="warning">{t('volunteerSelf.mine.checkoutMissing')}</Typography.Text>
              ) : (
                formatDateTime(s.checkOutAt) || '—'
              ),
          },
          {
            title: t('volunteerSelf.mine.shiftHours'),
            key: 'hours',
            align: 'right',
            render: (_, s) => (s.hours === null ? '—' : formatNumber(s.hours, 2)),
          },
        ]}
      />
    </Card>
  );
}
