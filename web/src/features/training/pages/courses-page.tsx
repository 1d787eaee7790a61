import { PlusOutlined } from '@ant-design/icons';
import { courseFamily } from '@contracts/training.ts';
import { Button, Select, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { ListCard } from '../../../app/components/list-card.tsx';
import { ListFilters, SearchBox } from '../../../app/components/list-filters.tsx';
import { QueryError } from '../../../app/components/query-error.tsx';
import { formatDate } from '../../../app/dates.ts';
import { fold } from '../../../app/text.ts';
import { hasPermission, useCurrentUser } from '../../auth/api.ts';
import { type Course, useCourses } from '../api/catalogue.ts';
import { CourseFormModal } from '../components/course-form-modal.tsx';
import { sortCourses, useCourseLength, useCourseName } from '../components/training-labels.tsx';

type Family = Course['family'];
const familyColor = {
  red_cross_first_aid: 'red',
  workplace_first_aid: 'volcano',
  osh: 'blue',
  custom: 'purple',
};

function useColumns(): TableColumnsType<Course> {
  const { t } = useTranslation();
  const name = useCourseName();
  const length = useCourseLength();
  const months = (m: number | null) => (m ? t('training.courses.months', { count: m }) : '—');
  return [
    {
      key: 'course',
      title: t('training.courses.name'),
      render: (_v, c) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{name(c)}</Typography.Text>
          <Space size={4} wrap>
            <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>
              {c.code}
            </Typography.Text>
            <Tag color={familyColor[c.family]}>{t(`training.family.${c.family}`)}</Tag>
            {!c.active && <Tag>{t('training.courses.inactive')}</Tag>}
          </Space>
        </Space>
      ),
    },
    { key: 'length', title: t('training.courses.length'), width: 140, render: (_v, c) => length(c) },
    {
      key: 'size',
      title: t('training.courses.classRules'),
      width: 190,
      render: (_v, c) => (
        <Space orientation="vertical" size={0}>
          <span>
            {c.maxLearners
              ? t('training.courses.maxLearners', { count: c.maxLearners })
              : t('training.courses.noMax')}
          </span>
          <span>{t('training.courses.minTrainers', { count: c.minTrainers })}</span>
          {c.prerequisiteCode && (
            <Typography.Text type="secondary">
              {t('training.courses.requires', { code: c.prerequisiteCode })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      key: 'validity',
      title: t('training.courses.validity'),
      width: 190,
      render: (_v, c) => (
        <Space orientation="vertical" size={0}>
          <span>
            {t(`training.certificateKind.${c.certificateKind}`)}:{' '}
            {c.validityMonths ? months(c.validityMonths) : t('training.courses.noExpiry')}
          </span>
          {c.refresherMonths && (
            <Typography.Text type="secondary">
              {t('training.courses.refresher', {
                every: months(c.refresherMonths),
                hours: c.refresherHours ?? '—',
              })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      key: 'pass',
      title: t('training.courses.passMark'),
      width: 90,
      align: 'right',
      render: (_v, c) => `${c.passMark}/10`,
    },
    {
      key: 'source',
      title: t('training.courses.legalSource'),
      width: 240,
      render: (_v, c) => (
        <Space orientation="vertical" size={0}>
          <span>{c.legalSource}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.effectiveTo
              ? t('training.courses.inForceBetween', {
                  from: formatDate(c.effectiveFrom),
                  to: formatDate(c.effectiveTo),
                })
              : t('training.courses.inForceFrom', { from: formatDate(c.effectiveFrom) })}
          </Typography.Text>
        </Space>
      ),
    },
  ];
}

/** /training/courses — the course rules as data (legal source, dates in force) and custom courses. */
export function CoursesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const courses = useCourses();
  const columns = useColumns();
  const name = useCourseName();
  const [text, setText] = useState('');
  const [family, setFamily] = useState<Family>();
  const [creating, setCreating] = useState(false);
  const canCreate = hasPermission(me, 'training.manage');
  const q = fold(text.trim());
  const rows = sortCourses(courses.data ?? []).filter(
    (c) =>
      (!family || c.family === family) && (!q || fold(`${c.code} ${name(c)} ${c.legalSource}`).includes(q)),
  );
  return (
    <ListCard
      title={t('training.courses.title')}
      intro={t('training.courses.intro')}
      actions={
        canCreate && (
          <Tooltip title={t('training.courses.createHint')}>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('training.courses.create')}
            </Button>
          </Tooltip>
        )
      }
    >
      <ListFilters>
        <SearchBox
          value={text}
          onChange={setText}
          placeholder={t('training.courses.searchPlaceholder')}
          label={t('training.courses.searchLabel')}
          width={340}
        />
        <Select<Family>
          allowClear
          value={family}
          onChange={setFamily}
          placeholder={t('training.courses.allFamilies')}
          aria-label={t('training.courses.familyLabel')}
          style={{ width: 240 }}
          options={courseFamily.options.map((f) => ({ value: f, label: t(`training.family.${f}`) }))}
        />
      </ListFilters>
      {courses.error && <QueryError error={courses.error} onRetry={() => courses.refetch()} />}
      <Table<Course>
        size="middle"
        rowKey="id"
        loading={courses.isPending}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 1000 }}
        pagination={false}
        locale={{ emptyText: <EmptyState text={t('training.courses.empty')} /> }}
      />
      {creating && <CourseFormModal onClose={() => setCreating(false)} />}
    </ListCard>
  );
}
