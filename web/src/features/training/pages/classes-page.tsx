import { PlusOutlined } from '@ant-design/icons';
import { classStatus } from '@contracts/training.ts';
import { Button, Progress, Select, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ListCard } from '../../../app/components/list-card.tsx';
import { ListFilters, SearchBox } from '../../../app/components/list-filters.tsx';
import { ListTable } from '../../../app/components/list-table.tsx';
import { QueryError } from '../../../app/components/query-error.tsx';
import { formatDateTime } from '../../../app/dates.ts';
import { fold } from '../../../app/text.ts';
import { hasPermission, useCurrentUser } from '../../auth/api.ts';
import { useCourses } from '../api/catalogue.ts';
import { type ClassListItem, type ClassStatus, useClasses } from '../api/classes.ts';
import { ClassFormModal } from '../components/class-form-modal.tsx';
import { ClassStatusTag, useCourseName } from '../components/training-labels.tsx';

function Seats({ c }: { c: ClassListItem }) {
  const { t } = useTranslation();
  const full = c.enrolled >= c.capacity;
  return (
    <Space orientation="vertical" size={0} style={{ width: '100%' }}>
      <span>
        {t('training.classes.seatsOf', { enrolled: c.enrolled, capacity: c.capacity })}
        {c.waitlisted > 0 && (
          <Tag color="orange" style={{ marginInlineStart: 6 }}>
            {t('training.classes.waiting', { count: c.waitlisted })}
          </Tag>
        )}
      </span>
      <Progress
        percent={Math.round((c.enrolled / Math.max(1, c.capacity)) * 100)}
        size="small"
        showInfo={false}
        status={full ? 'success' : 'normal'}
        aria-label={t('training.classes.seats')}
      />
    </Space>
  );
}

function useColumns(): TableColumnsType<ClassListItem> {
  const { t } = useTranslation();
  const courses = useCourses();
  const name = useCourseName();
  return [
    {
      key: 'code',
      title: t('training.classes.code'),
      width: 170,
      render: (_v, c) => (
        <Link to={`/training/classes/${c.id}`} className="mono">
          {c.code}
        </Link>
      ),
    },
    {
      key: 'title',
      title: t('training.classes.titleField'),
      render: (_v, c) => {
        const course = courses.data?.find((x) => x.id === c.courseTypeId);
        return (
          <Space orientation="vertical" size={0}>
            <Link to={`/training/classes/${c.id}`}>{c.title}</Link>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {course ? name(course) : c.courseCode}
            </Typography.Text>
          </Space>
        );
      },
    },
    { key: 'provider', title: t('training.classes.provider'), dataIndex: 'providerName', responsive: ['xl'] },
    {
      key: 'customer',
      title: t('training.classes.customer'),
      render: (_v, c) => c.customerName ?? '—',
      responsive: ['lg'],
    },
    {
      key: 'first',
      title: t('training.classes.firstSession'),
      width: 150,
      render: (_v, c) =>
        c.firstSessionAt ? (
          formatDateTime(c.firstSessionAt)
        ) : (
          <Typography.Text type="secondary">{t('training.classes.noSessions')}</Typography.Text>
        ),
    },
    { key: 'seats', title: t('training.classes.seats'), width: 190, render: (_v, c) => <Seats c={c} /> },
    {
      key: 'status',
      title: t('training.classes.status'),
      width: 130,
      render: (_v, c) => <ClassStatusTag status={c.status} />,
    },
  ];
}

/** /training/classes — classes run by the user's organisations or bought by them, with seats and status. */
export function ClassesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [status, setStatus] = useState<ClassStatus>();
  const classes = useClasses({ status });
  const columns = useColumns();
  const [text, setText] = useState('');
  // `?courseTypeId=` (a wave's training gap links here): open the new-class form with that course chosen.
  const [params, setParams] = useSearchParams();
  const askedCourse = /^[1-9]\d{0,9}$/.test(params.get('courseTypeId') ?? '')
    ? Number(params.get('courseTypeId'))
    : undefined;
  const [creating, setCreating] = useState(askedCourse !== undefined);
  const canCreate = hasPermission(me, 'training.manage');
  const closeForm = () => {
    setCreating(false);
    if (askedCourse !== undefined) setParams({}, { replace: true });
  };
  const q = fold(text.trim());
  const all = classes.data ?? [];
  const rows = all.filter(
    (c) =>
      !q ||
      fold(`${c.code} ${c.title} ${c.customerName ?? ''} ${c.providerName} ${c.venue ?? ''}`).includes(q),
  );
  const filtered = q !== '' || status !== undefined;
  return (
    <ListCard
      title={t('training.classes.title')}
      intro={t('training.classes.intro')}
      actions={
        canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('training.classes.create')}
          </Button>
        )
      }
    >
      <ListFilters>
        <SearchBox
          value={text}
          onChange={setText}
          placeholder={t('training.classes.searchPlaceholder')}
          label={t('training.classes.searchLabel')}
          width={360}
        />
        <Select<ClassStatus>
          allowClear
          value={status}
          onChange={setStatus}
          placeholder={t('training.classes.allStatuses')}
          aria-label={t('training.classes.status')}
          style={{ width: 200 }}
          options={classStatus.options.map((s) => ({ value: s, label: t(`training.classStatus.${s}`) }))}
        />
        {classes.data && (
          <Typography.Text type="secondary">
            {t('training.classes.count', { count: rows.length })}
          </Typography.Text>
        )}
      </ListFilters>
      {classes.error && <QueryError error={classes.error} onRetry={() => classes.refetch()} />}
      <ListTable<ClassListItem>
        size="middle"
        rowKey="id"
        loading={classes.isPending}
        rows={rows}
        columns={columns}
        scroll={{ x: 900 }}
        empty={
          filtered
            ? t('training.classes.emptyFiltered')
            : canCreate
              ? t('training.classes.empty')
              : t('training.classes.emptyCustomer')
        }
        emptyAction={
          !filtered && !canCreate ? (
            <Link to="/training/requests">
              <Button type="primary">{t('training.requests.create')}</Button>
            </Link>
          ) : undefined
        }
      />
      {creating && canCreate && <ClassFormModal courseTypeId={askedCourse} onClose={closeForm} />}
    </ListCard>
  );
}
