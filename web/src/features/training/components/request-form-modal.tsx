import { createRequestBody, updateRequestBody } from '@contracts/training.ts';
import { Alert, App, Col, Descriptions, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../../app/api-client.ts';
import { DateInput } from '../../../app/components/date-input.tsx';
import { FormModal } from '../../../app/components/form-modal.tsx';
import { NumberField } from '../../../app/components/number-field.tsx';
import { formatDate, fromIsoDate, toIsoDate } from '../../../app/dates.ts';
import { errorMessage } from '../../../app/errors.ts';
import { parseWith, showServerIssues } from '../../../app/forms.ts';
import { foldedSearch } from '../../../app/text.ts';
import { useCurrentUser } from '../../auth/api.ts';
import { type Provider, useCourses } from '../api/catalogue.ts';
import { type TrainingRequest, useRequestChange } from '../api/requests.ts';
import { MyOrgSelect, ProviderSelect } from './org-choice.tsx';
import { sortCourses, useCourseLength, useCourseName } from './training-labels.tsx';

type Values = {
  requesterOrgId?: number;
  providerOrgId?: number;
  courseTypeId?: number;
  learners?: number | null;
  place?: string;
  preferredFrom?: Dayjs;
  preferredTo?: Dayjs;
  notes?: string;
};

/**
 * The enterprise asks a provider to train N of its people in a course, at a place and a preferred time — or, given
 * `editing`, changes its request's numbers, place, time and notes until the provider schedules it.
 */
export function RequestFormModal({
  onClose,
  initial,
  editing,
}: {
  onClose: () => void;
  /** From the compliance page: the course due and how many must take it. */
  initial?: { requesterOrgId?: number; courseTypeId?: number; learners?: number };
  editing?: TrainingRequest;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const [provider, setProvider] = useState<Provider>();
  const courses = useCourses();
  const name = useCourseName();
  const length = useCourseLength();
  const change = useRequestChange();
  const offered = sortCourses(courses.data ?? []).filter(
    (c) => c.active && (!provider || provider.courseTypeIds.includes(c.id)),
  );
  const onError = (e: unknown) => {
    if (!showServerIssues(form, e)) setProblem(errorMessage(e));
  };
  const send = (body: ReturnType<typeof createRequestBody.parse>) =>
    change.mutate(
      { kind: 'create', body },
      {
        onSuccess: (r) => {
          message.success(t('training.requests.created'));
          onClose();
          navigate(`/training/requests/${r.id}`);
        },
        onError: (e) => {
          if (!isApiError(e) || e.code !== 'training.request_duplicate') return onError(e);
          // The same organisation's own open request: naming it leaks nothing.
          const same = e.details as {
            requestId: number;
            preferredFrom: string | null;
            preferredTo: string | null;
          };
          modal.confirm({
            title: t('training.requests.duplicateTitle'),
            content: t('training.requests.duplicateText', {
              id: same.requestId,
              from: formatDate(same.preferredFrom) || '…',
              to: formatDate(same.preferredTo) || '…',
            }),
            okText: t('training.requests.duplicateSend'),
            cancelText: t('common.cancel'),
            onOk: () => send({ ...body, confirmDuplicate: true }),
          });
        },
      },
    );
  const onFinish = (v: Values) => {
    setProblem(null);
    const body = {
      ...v,
      learners: v.learners ?? undefined,
      preferredFrom: toIsoDate(v.preferredFrom) ?? null,
      preferredTo: toIsoDate(v.preferredTo) ?? null,
    };
    const showIssues = (issues: { message: string }[]) => setProblem(issues.map((i) => i.message).join('; '));
    if (!editing) {
      const parsed = parseWith(form, createRequestBody, body, showIssues);
      if (parsed) send(parsed);
      return;
    }
    const parsed = parseWith(form, updateRequestBody, { ...body, version: editing.version }, showIssues);
    if (!parsed) return;
    change.mutate(
      { kind: 'update', id: editing.id, body: parsed },
      {
        onSuccess: () => {
          message.success(t('training.requests.updated'));
          onClose();
        },
        onError,
      },
    );
  };
  return (
    <FormModal<Values>
      title={
        editing ? t('training.requests.editTitle', { id: editing.id }) : t('training.requests.createTitle')
      }
      form={form}
      width={720}
      initialValues={
        editing
          ? {
              ...editing,
              place: editing.place ?? undefined,
              notes: editing.notes ?? undefined,
              preferredFrom: fromIsoDate(editing.preferredFrom),
              preferredTo: fromIsoDate(editing.preferredTo),
            }
          : { requesterOrgId: me.isSystemAdmin ? undefined : me.grants[0]?.orgId, ...initial }
      }
      onCancel={onClose}
      onFinish={onFinish}
      okText={editing ? t('common.save') : t('training.requests.send')}
      busy={change.isPending}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      {editing ? (
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 16 }}
          items={[
            { key: 'req', label: t('training.requests.requester'), children: editing.requesterName },
            { key: 'prov', label: t('training.requests.provider'), children: editing.providerName },
            { key: 'course', label: t('training.requests.course'), children: editing.courseCode },
          ]}
        />
      ) : (
        <>
          <Form.Item name="requesterOrgId" label={t('training.requests.requester')} required>
            <MyOrgSelect />
          </Form.Item>
          <Form.Item name="providerOrgId" label={t('training.requests.provider')} required>
            <ProviderSelect
              onProvider={(p) => {
                setProvider(p);
                const chosen = form.getFieldValue('courseTypeId');
                if (p && chosen && !p.courseTypeIds.includes(chosen))
                  form.setFieldValue('courseTypeId', undefined);
              }}
            />
          </Form.Item>
          <Form.Item name="courseTypeId" label={t('training.requests.course')} required>
            <Select<number>
              showSearch={foldedSearch}
              loading={courses.isPending}
              placeholder={t('training.requests.coursePlaceholder')}
              options={offered.map((c) => ({ value: c.id, label: `${name(c)} (${length(c)})` }))}
            />
          </Form.Item>
        </>
      )}
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item name="learners" label={t('training.requests.learners')} required>
            <NumberField min={1} max={100000} isInteger />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item name="place" label={t('training.requests.place')}>
            <Input maxLength={300} placeholder={t('training.requests.placePlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="preferredFrom" label={t('training.requests.preferredFrom')}>
            <DateInput style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="preferredTo" label={t('training.requests.preferredTo')}>
            <DateInput style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="notes" label={t('training.requests.notes')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
