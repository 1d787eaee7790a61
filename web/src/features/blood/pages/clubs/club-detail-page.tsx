import { PlusOutlined } from '@ant-design/icons';
import { activityBody, addMembersBody, clubMemberRoles } from '@contracts/blood/clubs.ts';
import { bloodGroupLabel } from '@contracts/blood/common.ts';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Select,
  Space,
  Tooltip,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DateInput } from '../../../../app/components/date-input.tsx';
import { FormModal } from '../../../../app/components/form-modal.tsx';
import { PrintButton } from '../../../../app/components/list-card.tsx';
import { ListTable } from '../../../../app/components/list-table.tsx';
import { NumberField } from '../../../../app/components/number-field.tsx';
import { PageBreadcrumb } from '../../../../app/components/page-breadcrumb.tsx';
import { PageLoading } from '../../../../app/components/page-loading.tsx';
import { QueryError } from '../../../../app/components/query-error.tsx';
import { formatDate, fromIsoDate, todayIso, toIsoDate } from '../../../../app/dates.ts';
import { errorMessage } from '../../../../app/errors.ts';
import { parseWith, showServerIssues } from '../../../../app/forms.ts';
import { NotFoundPage } from '../../../../app/not-found-page.tsx';
import { useFormatNumber } from '../../../../app/numbers.ts';
import { PersonPicker } from '../../../people/components/person-picker.tsx';
import {
  type Club,
  type ClubActivity,
  type ClubMember,
  useActivities,
  useAddActivity,
  useAddMembers,
  useClub,
  useEndMember,
  useMembers,
} from '../../components/clubs/api.ts';
import { ClubKindTag, parseId } from '../../components/clubs/labels.tsx';

type MemberValues = { personIds?: number[]; role?: string; since?: Dayjs };

function AddMembersModal({ club, onClose }: { club: Club; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<MemberValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const add = useAddMembers(club.id);
  const members = useMembers(club.id);
  const onFinish = (v: MemberValues) => {
    setProblem(null);
    const parsed = parseWith(form, addMembersBody, {
      ...v,
      personIds: v.personIds ?? [],
      since: toIsoDate(v.since),
    });
    if (!parsed) return;
    add.mutate(parsed, {
      onSuccess: () => {
        message.success(t('bloodClubs.detail.membersAdded', { count: parsed.personIds.length }));
        onClose();
      },
      onError: (e) => {
        if (!showServerIssues(form, e)) setProblem(errorMessage(e));
      },
    });
  };
  return (
    <FormModal<MemberValues>
      title={t('bloodClubs.detail.addMembers')}
      form={form}
      width={620}
      initialValues={{ role: 'member', since: fromIsoDate(todayIso()) }}
      onCancel={onClose}
      onFinish={onFinish}
      okText={t('common.save')}
      busy={add.isPending}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="personIds"
        label={t('bloodClubs.detail.people')}
        required
        extra={t('bloodClubs.detail.addMembersHint')}
      >
        <PersonPicker multiple excludeIds={(members.data ?? []).map((m) => m.personId)} />
      </Form.Item>
      <Form.Item name="role" label={t('bloodClubs.detail.role')} required>
        <Select options={clubMemberRoles.map((r) => ({ value: r, label: t(`bloodClubs.roles.${r}`) }))} />
      </Form.Item>
      <Form.Item name="since" label={t('bloodClubs.detail.since')} required>
        <DateInput />
      </Form.Item>
    </FormModal>
  );
}

type ActivityValues = { heldOn?: Dayjs; title?: string; participants?: number };

function ActivityModal({ club, onClose }: { club: Club; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ActivityValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const add = useAddActivity(club.id);
  const onFinish = (v: ActivityValues) => {
    const parsed = parseWith(form, activityBody, {
      ...v,
      heldOn: toIsoDate(v.heldOn),
      participants: v.participants ?? null,
    });
    if (!parsed) return;
    add.mutate(parsed, {
      onSuccess: onClose,
      onError: (e) => {
        if (!showServerIssues(form, e)) setProblem(errorMessage(e));
      },
    });
  };
  return (
    <FormModal<ActivityValues>
      title={t('bloodClubs.detail.addActivity')}
      form={form}
      initialValues={{ heldOn: fromIsoDate(todayIso()) }}
      onCancel={onClose}
      onFinish={onFinish}
      okText={t('common.save')}
      busy={add.isPending}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form.Item name="heldOn" label={t('bloodClubs.detail.heldOn')} required>
        <DateInput />
      </Form.Item>
      <Form.Item name="title" label={t('bloodClubs.detail.activityTitle')} required>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="participants" label={t('bloodClubs.detail.participants')}>
        <NumberField isInteger min={0} />
      </Form.Item>
    </FormModal>
  );
}

function MembersCard({ club }: { club: Club }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const { message } = App.useApp();
  const members = useMembers(club.id);
  const end = useEndMember(club.id);
  const [adding, setAdding] = useState(false);
  const addButton = club.can.manage && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} className="no-print">
      {t('bloodClubs.detail.addMembers')}
    </Button>
  );
  return (
    <Card title={t('bloodClubs.members')} extra={addButton || undefined} style={{ marginTop: 16 }}>
      {members.error && <QueryError error={members.error} onRetry={() => members.refetch()} />}
      <ListTable<ClubMember>
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        loading={members.isFetching}
        rows={members.data ?? []}
        columns={[
          { key: 'i', title: '#', width: 44, render: (_v, _r, i) => i + 1 },
          { key: 'name', title: t('bloodClubs.detail.people'), dataIndex: 'fullName' },
          {
            key: 'born',
            title: t('bloodClubs.detail.birthYear'),
            dataIndex: 'birthYear',
            responsive: ['sm'],
          },
          {
            key: 'role',
            title: t('bloodClubs.detail.role'),
            render: (_v, m) => t(`bloodClubs.roles.${m.role}`),
          },
          {
            key: 'group',
            title: t('bloodClubs.detail.group'),
            render: (_v, m) =>
              club.can.health ? (
                bloodGroupLabel(m.abo, m.rh)
              ) : (
                <Tooltip title={t('bloodClubs.detail.groupHidden')}>
                  <Typography.Text type="secondary">•••</Typography.Text>
                </Tooltip>
              ),
          },
          {
            key: 'don',
            title: t('bloodClubs.detail.donations'),
            align: 'right',
            render: (_v, m) => n(m.donations),
          },
          {
            key: 'dates',
            title: t('bloodClubs.detail.since'),
            responsive: ['md'],
            render: (_v, m) =>
              m.until ? `${formatDate(m.since)} – ${formatDate(m.until)}` : formatDate(m.since),
          },
          ...(club.can.manage
            ? [
                {
                  key: 'act',
                  title: '',
                  className: 'no-print',
                  render: (_v: unknown, m: ClubMember) =>
                    !m.until && (
                      <Button
                        size="small"
                        onClick={() =>
                          end.mutate(
                            { ...m, until: todayIso() },
                            {
                              onSuccess: () => message.success(t('bloodClubs.detail.ended')),
                              onError: (e) => message.error(errorMessage(e)),
                            },
                          )
                        }
                      >
                        {t('bloodClubs.detail.end')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
        empty={t('bloodClubs.detail.noMembers')}
        emptyAction={addButton}
      />
      {adding && <AddMembersModal club={club} onClose={() => setAdding(false)} />}
    </Card>
  );
}

function ActivitiesCard({ club }: { club: Club }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const activities = useActivities(club.id);
  const [adding, setAdding] = useState(false);
  return (
    <Card
      title={t('bloodClubs.activities')}
      style={{ marginTop: 16 }}
      extra={
        club.can.manage && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} className="no-print">
            {t('bloodClubs.detail.addActivity')}
          </Button>
        )
      }
    >
      <ListTable<ClubActivity>
        rowKey="id"
        size="small"
        rows={activities.data ?? []}
        loading={activities.isFetching}
        columns={[
          {
            key: 'd',
            title: t('bloodClubs.detail.heldOn'),
            width: 120,
            render: (_v, a) => formatDate(a.heldOn),
          },
          { key: 't', title: t('bloodClubs.detail.activityTitle'), dataIndex: 'title' },
          {
            key: 'p',
            title: t('bloodClubs.detail.participants'),
            align: 'right',
            render: (_v, a) => n(a.participants),
          },
        ]}
        empty={t('bloodClubs.detail.noActivities')}
      />
      {adding && <ActivityModal club={club} onClose={() => setAdding(false)} />}
    </Card>
  );
}

/** /blood/clubs/:id — a club, its members (printable) and its activities. */
export function ClubDetailPage() {
  const { t } = useTranslation();
  const id = parseId(useParams().id);
  const club = useClub(id ?? 0);
  if (id === undefined) return <NotFoundPage />;
  if (club.isLoading) return <PageLoading />;
  if (club.error || !club.data) return <QueryError error={club.error} onRetry={() => club.refetch()} />;
  const c = club.data;
  return (
    <div className="print-area">
      <PageBreadcrumb items={[{ key: 'club', title: c.name }]} />
      <Card
        title={
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {c.name}
            </Typography.Title>
            <ClubKindTag kind={c.kind} />
          </Space>
        }
        extra={<PrintButton className="no-print" />}
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
          <Descriptions.Item label={t('bloodClubs.org')}>{c.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('bloodClubs.province')}>{c.provinceName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('bloodClubs.foundedOn')}>{formatDate(c.foundedOn)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <MembersCard club={c} />
      <ActivitiesCard club={c} />
    </div>
  );
}
