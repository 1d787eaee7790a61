import { basisKinds, updateWaveBody, waveBody } from '@contracts/volunteers/waves.ts';
import { Alert, App, Col, Divider, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DateInput } from '../../../../app/components/date-input.tsx';
import { FormModal } from '../../../../app/components/form-modal.tsx';
import { fromIsoDate, toIsoDate } from '../../../../app/dates.ts';
import { errorMessage } from '../../../../app/errors.ts';
import { parseWith, showServerIssues } from '../../../../app/forms.ts';
import { useFormatNumber } from '../../../../app/numbers.ts';
import { OrgPicker } from '../../../orgs/components/org-picker.tsx';
import { useCourses } from '../../../training/api/catalogue.ts';
import { DestinationsList, NeedsList, QuotasList, searchable } from './wave-form-lists.tsx';
import { useProvinces, useWaveChange, type Wave } from './waves-api.ts';

type Values = {
  issuerOrgId?: number;
  title?: string;
  basisKind?: string;
  basisNumber?: string;
  basisDate?: Dayjs;
  basisSigner?: string;
  basisSummary?: string;
  startsOn?: Dayjs;
  endsOn?: Dayjs;
  namesDueOn?: Dayjs;
  destinations?: { name?: string; adminUnitCode?: string; address?: string }[];
  needs?: { skill?: string; headcount?: number | null; destinationIndex?: number | null }[];
  topicCourseTypeIds?: number[];
  quotas?: { orgId?: number; quota?: number | null }[];
};

function initialOf(w: Wave | undefined): Values {
  if (!w) return { basisKind: 'order', destinations: [{}], needs: [], quotas: [{}] };
  return {
    ...w,
    basisNumber: w.basisNumber ?? undefined,
    basisSummary: w.basisSummary ?? undefined,
    basisDate: fromIsoDate(w.basisDate),
    startsOn: fromIsoDate(w.startsOn),
    endsOn: fromIsoDate(w.endsOn),
    namesDueOn: fromIsoDate(w.namesDueOn),
    destinations: w.destinations.map((d) => ({
      name: d.name,
      adminUnitCode: d.adminUnitCode,
      address: d.address ?? undefined,
    })),
    needs: w.needs.map((n) => ({
      skill: n.skill,
      headcount: n.headcount,
      destinationIndex: n.destinationId ? w.destinations.findIndex((d) => d.id === n.destinationId) : null,
    })),
    topicCourseTypeIds: w.topics.map((t) => t.courseTypeId),
    quotas: w.quotas.map((q) => ({ orgId: q.orgId, quota: q.quota })),
  };
}

/** Creates a wave (draft) or edits a draft: basis, dates, destinations as of the start, needs, topics, quotas. */
export function WaveFormModal({ onClose, editing }: { onClose: () => void; editing?: Wave }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const change = useWaveChange();
  const num = useFormatNumber();
  const startsOn = toIsoDate(Form.useWatch('startsOn', form));
  const provinces = useProvinces(startsOn);
  const courses = useCourses();
  const quotas = Form.useWatch('quotas', form) ?? [];
  const needs = Form.useWatch('needs', form) ?? [];
  const destinations = Form.useWatch('destinations', form) ?? [];
  const quotaSum = quotas.reduce((s, q) => s + (Number.isFinite(q?.quota) ? (q?.quota ?? 0) : 0), 0);
  const needed = needs.reduce((s, n) => s + (Number.isFinite(n?.headcount) ? (n?.headcount ?? 0) : 0), 0);

  const onFinish = (v: Values) => {
    setProblem(null);
    const body = {
      ...v,
      basisDate: toIsoDate(v.basisDate),
      startsOn: toIsoDate(v.startsOn),
      endsOn: toIsoDate(v.endsOn),
      namesDueOn: toIsoDate(v.namesDueOn) ?? null,
      needs: v.needs ?? [],
      quotas: v.quotas ?? [],
      topicCourseTypeIds: v.topicCourseTypeIds ?? [],
      ...(editing ? { version: editing.version, issuerOrgId: editing.issuerOrgId } : {}),
    };
    const orphans = (issues: { message: string }[]) => setProblem(issues.map((i) => i.message).join('; '));
    const onError = (e: unknown) => {
      if (!showServerIssues(form, e)) setProblem(errorMessage(e));
    };
    if (editing) {
      const parsed = parseWith(form, updateWaveBody, body, orphans);
      if (parsed)
        change.mutate(
          { kind: 'update', id: editing.id, body: parsed },
          {
            onSuccess: () => {
              message.success(t('waves.form.saved'));
              onClose();
            },
            onError,
          },
        );
      return;
    }
    const parsed = parseWith(form, waveBody, body, orphans);
    if (parsed)
      change.mutate(
        { kind: 'create', body: parsed },
        {
          onSuccess: (w) => {
            message.success(t('waves.form.created'));
            onClose();
            navigate(`/waves/${w.id}`);
          },
          onError,
        },
      );
  };

  const half = { xs: 24, md: 12 };
  const third = { xs: 24, md: 8 };
  return (
    <FormModal<Values>
      title={editing ? t('waves.form.editTitle') : t('waves.form.createTitle')}
      form={form}
      width={860}
      initialValues={initialOf(editing)}
      onCancel={onClose}
      onFinish={onFinish}
      busy={change.isPending}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Row gutter={16}>
        {!editing && (
          <Col {...half}>
            <Form.Item name="issuerOrgId" label={t('waves.form.issuer')} rules={[{ required: true }]}>
              <OrgPicker />
            </Form.Item>
          </Col>
        )}
        <Col {...(editing ? { xs: 24 } : half)}>
          <Form.Item name="title" label={t('waves.form.title')} rules={[{ required: true }]}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('waves.form.basis')}</Divider>
      <Row gutter={16}>
        <Col {...third}>
          <Form.Item name="basisKind" label={t('waves.form.basisKind')} rules={[{ required: true }]}>
            <Select options={basisKinds.map((k) => ({ value: k, label: t(`waves.basisKind.${k}`) }))} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item
            name="basisNumber"
            label={t('waves.form.basisNumber')}
            extra={t('waves.form.basisNumberHint')}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="basisDate" label={t('waves.form.basisDate')} rules={[{ required: true }]}>
            <DateInput style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="basisSigner" label={t('waves.form.basisSigner')} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="basisSummary" label={t('waves.form.basisSummary')}>
            <Input.TextArea rows={1} maxLength={2000} autoSize />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="startsOn" label={t('waves.form.startsOn')} rules={[{ required: true }]}>
            <DateInput style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="endsOn" label={t('waves.form.endsOn')} rules={[{ required: true }]}>
            <DateInput style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="namesDueOn" label={t('waves.form.namesDueOn')}>
            <DateInput style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('waves.form.destinations')}</Divider>
      <DestinationsList provinces={provinces.data ?? []} loading={provinces.isFetching} startsOn={startsOn} />
      <Divider titlePlacement="start">{t('waves.form.needs')}</Divider>
      <NeedsList destinations={destinations} />
      <Divider titlePlacement="start">{t('waves.form.topics')}</Divider>
      <Form.Item name="topicCourseTypeIds" extra={t('waves.form.topicsHint')}>
        <Select
          mode="multiple"
          showSearch={searchable}
          aria-label={t('waves.form.topics')}
          options={(courses.data ?? [])
            .filter((c) => c.active)
            .map((c) => ({ value: c.id, label: `${c.code} — ${c.nameVi}` }))}
        />
      </Form.Item>
      <Divider titlePlacement="start">{t('waves.form.quotas')}</Divider>
      <QuotasList
        sumText={t('waves.form.quotaSum', { sum: num(quotaSum), needed: num(needed) })}
        short={needed > 0 && quotaSum < needed}
      />
    </FormModal>
  );
}
