import { PlusOutlined } from '@ant-design/icons';
import { createTrainerBody } from '@contracts/training.ts';
import { Alert, App, Button, Form, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../app/components/form-modal.tsx';
import { ListCard } from '../../../app/components/list-card.tsx';
import { ListFilters, SearchBox } from '../../../app/components/list-filters.tsx';
import { ListTable } from '../../../app/components/list-table.tsx';
import { QueryError } from '../../../app/components/query-error.tsx';
import { errorMessage } from '../../../app/errors.ts';
import { parseWith, showServerIssues } from '../../../app/forms.ts';
import { fold, foldedSearch } from '../../../app/text.ts';
import { useCurrentUser } from '../../auth/api.ts';
import { OrgPicker } from '../../orgs/components/org-picker.tsx';
import { PersonPicker } from '../../people/components/person-picker.tsx';
import { useCourses } from '../api/catalogue.ts';
import { type Trainer, useCreateTrainer, useTrainers } from '../api/trainers.ts';
import { qualificationKeys, useCourseName, useQualification } from '../components/training-labels.tsx';

type Values = { personId?: number; orgId?: number; qualification?: string; courseCodes?: string[] };

function TrainerFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const courses = useCourses();
  const name = useCourseName();
  const create = useCreateTrainer();
  const qualification = useQualification();
  const onFinish = (v: Values) => {
    setProblem(null);
    const parsed = parseWith(form, createTrainerBody, { ...v, courseCodes: v.courseCodes ?? [] }, (issues) =>
      setProblem(issues.map((i) => i.message).join('; ')),
    );
    if (!parsed) return;
    create.mutate(parsed, {
      onSuccess: (tr) => {
        message.success(t('training.trainers.created', { name: tr.fullName }));
        onClose();
      },
      onError: (e) => {
        if (!showServerIssues(form, e)) setProblem(errorMessage(e));
      },
    });
  };
  return (
    <FormModal<Values>
      title={t('training.trainers.createTitle')}
      form={form}
      width={640}
      initialValues={{ orgId: me.grants[0]?.orgId, courseCodes: [] }}
      onCancel={onClose}
      onFinish={onFinish}
      okText={t('common.create')}
      busy={create.isPending}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="personId"
        label={t('training.trainers.person')}
        required
        extra={t('training.trainers.personHint')}
      >
        <PersonPicker />
      </Form.Item>
      <Form.Item name="orgId" label={t('training.trainers.org')} required>
        <OrgPicker />
      </Form.Item>
      <Form.Item name="qualification" label={t('training.trainers.qualification')} required>
        <Select
          showSearch={foldedSearch}
          placeholder={t('training.trainers.qualificationPlaceholder')}
          options={qualificationKeys.map((k) => ({ value: k, label: qualification(k) }))}
        />
      </Form.Item>
      <Form.Item
        name="courseCodes"
        label={t('training.trainers.courses')}
        extra={t('training.trainers.coursesHint')}
      >
        <Select
          mode="multiple"
          allowClear
          showSearch={foldedSearch}
          options={(courses.data ?? []).map((c) => ({ value: c.code, label: `${c.code} — ${name(c)}` }))}
        />
      </Form.Item>
    </FormModal>
  );
}

/** /training/trainers — trainers and instructors with their qualification and organisation. */
export function TrainersPage() {
  const { t } = useTranslation();
  const [orgId, setOrgId] = useState<number>();
  const trainers = useTrainers(orgId);
  const [text, setText] = useState('');
  const [creating, setCreating] = useState(false);
  const qualificationLabel = useQualification();
  const q = fold(text.trim());
  const rows = (trainers.data ?? []).filter(
    (tr) => !q || fold(`${tr.fullName} ${tr.orgName} ${qualificationLabel(tr.qualification)}`).includes(q),
  );
  return (
    <ListCard
      title={t('training.trainers.title')}
      intro={t('training.trainers.intro')}
      actions={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('training.trainers.create')}
        </Button>
      }
    >
      <ListFilters>
        <SearchBox
          value={text}
          onChange={setText}
          placeholder={t('training.trainers.searchPlaceholder')}
          label={t('training.trainers.searchLabel')}
          width={320}
        />
        <OrgPicker
          value={orgId}
          onChange={(v) => setOrgId(v)}
          placeholder={t('training.trainers.filterOrg')}
          style={{ width: 320 }}
        />
      </ListFilters>
      {trainers.error && <QueryError error={trainers.error} onRetry={() => trainers.refetch()} />}
      <ListTable<Trainer>
        size="middle"
        rowKey="id"
        loading={trainers.isFetching}
        rows={rows}
        columns={[
          { key: 'i', title: '#', width: 48, render: (_v, _r, i) => i + 1 },
          { key: 'name', title: t('training.trainers.person'), dataIndex: 'fullName' },
          {
            key: 'q',
            title: t('training.trainers.qualification'),
            render: (_v, tr) => qualificationLabel(tr.qualification),
          },
          { key: 'org', title: t('training.trainers.org'), dataIndex: 'orgName' },
          {
            key: 'courses',
            title: t('training.trainers.courses'),
            render: (_v, tr) =>
              tr.courseCodes.length ? (
                tr.courseCodes.map((c) => <Tag key={c}>{c}</Tag>)
              ) : (
                <Typography.Text type="secondary">{t('training.trainers.anyCourse')}</Typography.Text>
              ),
          },
          {
            key: 'active',
            title: t('training.trainers.status'),
            width: 120,
            render: (_v, tr) =>
              tr.active ? (
                <Tag color="green">{t('training.trainers.active')}</Tag>
              ) : (
                <Tag>{t('training.trainers.inactive')}</Tag>
              ),
          },
        ]}
        empty={q ? t('training.trainers.emptySearch') : t('training.trainers.empty')}
        emptyAction={
          !q && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('training.trainers.create')}
            </Button>
          )
        }
      />
      {creating && <TrainerFormModal onClose={() => setCreating(false)} />}
    </ListCard>
  );
}
