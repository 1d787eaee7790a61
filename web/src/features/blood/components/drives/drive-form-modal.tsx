import { createDriveBody, type DriveView } from '@contracts/blood/drives.ts';
import { Alert, App, Col, Form, Input, Row, Select, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../../app/components/date-input.tsx';
import { FormModal } from '../../../../app/components/form-modal.tsx';
import { NumberField } from '../../../../app/components/number-field.tsx';
import { fromIsoDate, toIsoDate } from '../../../../app/dates.ts';
import { errorMessage } from '../../../../app/errors.ts';
import { parseWith, showServerIssues } from '../../../../app/forms.ts';
import { useCurrentUser } from '../../../auth/api.ts';
import { OrgPicker } from '../../../orgs/components/org-picker.tsx';
import { useCreateDrive, useUpdateDrive } from '../../api/drives.ts';
import { EstablishmentPicker } from './establishment-picker.tsx';

/** Hours are written 07:30 whatever the browser's language (a time input would show 07:30 AM in English ones). */
const TIME = 'HH:mm';
const time = (hhmm: string) => dayjs(hhmm, TIME);

type Values = {
  organiserOrgId?: number;
  establishmentOrgId?: number;
  title?: string;
  site?: string;
  address?: string;
  driveDate?: Dayjs;
  opensAt?: Dayjs;
  closesAt?: Dayjs;
  targetUnits?: number;
  slotMinutes?: number;
  beds?: number;
  staff?: number;
};

/**
 * Plans a drive, or edits one: the places per slot are beds × staff (what a collection team can take in one
 * slot); the slots are generated from the hours and the slot length.
 */
export function DriveFormModal({
  drive,
  onClose,
  onSaved,
}: {
  drive?: DriveView;
  onClose: () => void;
  onSaved?: (d: DriveView) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const create = useCreateDrive();
  const update = useUpdateDrive(drive?.id ?? 0);
  const beds = Form.useWatch('beds', form);
  const staff = Form.useWatch('staff', form);
  const first = drive?.slots[0];
  const onFinish = (v: Values) => {
    setProblem(null);
    const body = {
      organiserOrgId: v.organiserOrgId,
      establishmentOrgId: v.establishmentOrgId ?? null,
      title: v.title,
      site: v.site,
      address: v.address,
      driveDate: toIsoDate(v.driveDate),
      opensAt: v.opensAt?.format(TIME),
      closesAt: v.closesAt?.format(TIME),
      targetUnits: v.targetUnits ?? null,
      slotMinutes: v.slotMinutes,
      capacityPerSlot: (v.beds ?? 0) * (v.staff ?? 0),
    };
    const parsed = parseWith(form, createDriveBody, body, (issues) =>
      setProblem(issues.map((i) => i.message).join('; ')),
    );
    if (!parsed) return;
    const done = {
      onSuccess: (d: DriveView) => {
        message.success(t('bloodDrives.form.saved', { title: d.title }));
        onSaved?.(d);
        onClose();
      },
      onError: (e: unknown) => {
        if (!showServerIssues(form, e)) setProblem(errorMessage(e));
      },
    };
    if (drive) {
      const { organiserOrgId: _o, ...rest } = parsed;
      update.mutate({ ...rest, version: drive.version }, done);
    } else create.mutate(parsed, done);
  };
  return (
    <FormModal<Values>
      title={drive ? t('bloodDrives.form.editTitle') : t('bloodDrives.form.createTitle')}
      form={form}
      width={680}
      onCancel={onClose}
      onFinish={onFinish}
      busy={create.isPending || update.isPending}
      okText={drive ? t('common.save') : t('common.create')}
      initialValues={
        drive
          ? {
              organiserOrgId: drive.organiser.id,
              establishmentOrgId: drive.establishment?.id,
              title: drive.title,
              site: drive.site,
              address: drive.address ?? undefined,
              driveDate: fromIsoDate(drive.driveDate),
              opensAt: time(drive.opensAt),
              closesAt: time(drive.closesAt),
              targetUnits: drive.targetUnits ?? undefined,
              slotMinutes: first ? (Date.parse(first.endsAt) - Date.parse(first.startsAt)) / 60_000 : 30,
              beds: first?.capacity ?? 2,
              staff: 1,
            }
          : {
              organiserOrgId: me.grants[0]?.orgId,
              opensAt: time('07:00'),
              closesAt: time('11:30'),
              slotMinutes: 30,
              beds: 4,
              staff: 2,
            }
      }
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      {!drive && (
        <Form.Item name="organiserOrgId" label={t('bloodDrives.form.organiser')} required>
          <OrgPicker />
        </Form.Item>
      )}
      <Form.Item
        name="establishmentOrgId"
        label={t('bloodDrives.form.establishment')}
        extra={t('bloodDrives.form.establishmentHint')}
      >
        <EstablishmentPicker initial={drive?.establishment} />
      </Form.Item>
      <Form.Item name="title" label={t('bloodDrives.form.title')} required>
        <Input maxLength={300} placeholder={t('bloodDrives.form.titlePlaceholder')} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="site" label={t('bloodDrives.form.site')} required>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="address" label={t('bloodDrives.form.address')}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name="driveDate" label={t('bloodDrives.form.date')} required>
            <DateInput style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="opensAt" label={t('bloodDrives.form.opensAt')} required>
            <TimePicker format={TIME} minuteStep={5} needConfirm={false} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="closesAt" label={t('bloodDrives.form.closesAt')} required>
            <TimePicker format={TIME} minuteStep={5} needConfirm={false} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={12} md={6}>
          <Form.Item name="slotMinutes" label={t('bloodDrives.form.slotMinutes')}>
            <Select
              options={[15, 20, 30, 45, 60].map((m) => ({
                value: m,
                label: t('bloodDrives.form.minutes', { n: m }),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="beds" label={t('bloodDrives.form.beds')} required>
            <NumberField isInteger min={1} max={100} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="staff" label={t('bloodDrives.form.staff')} required>
            <NumberField isInteger min={1} max={10} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="targetUnits" label={t('bloodDrives.form.target')}>
            <NumberField isInteger min={1} max={100000} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Text type="secondary">
        {t('bloodDrives.form.perSlot', { n: (beds ?? 0) * (staff ?? 0) })}
      </Typography.Text>
    </FormModal>
  );
}
