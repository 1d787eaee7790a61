import type { DriveView } from '@contracts/blood/drives.ts';
import { Alert, App, Button, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../../app/api-client.ts';
import { FormModal } from '../../../../app/components/form-modal.tsx';
import { errorMessage } from '../../../../app/errors.ts';
import { PersonPicker } from '../../../people/components/person-picker.tsx';
import { useBookDonor, useWaitlistDonor } from '../../api/drives.ts';
import { hhmm } from './drive-labels.tsx';

type Values = { personId?: number; slotId?: number };

/**
 * Staff book a donor (found by name or phone) in a slot with free places. The invitation code is shown once;
 * a full slot offers the waitlist.
 */
export function BookDonorModal({ drive, onClose }: { drive: DriveView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<{ text: string; full: boolean } | null>(null);
  const [token, setToken] = useState<string | null>(null);
  const book = useBookDonor(drive.id);
  const wait = useWaitlistDonor(drive.id);
  const onFinish = (v: Values) => {
    setProblem(null);
    if (!v.personId || !v.slotId)
      return setProblem({ text: t('bloodDrives.bookModal.incomplete'), full: false });
    book.mutate(
      { personId: v.personId, slotId: v.slotId },
      {
        onSuccess: (r) => setToken(r.invitationToken),
        onError: (e) =>
          setProblem({ text: errorMessage(e), full: isApiError(e) && e.code === 'drives.slot_full' }),
      },
    );
  };
  const joinWaitlist = () => {
    const personId = form.getFieldValue('personId') as number | undefined;
    if (!personId) return;
    wait.mutate(
      { personId, nextDrive: false },
      {
        onSuccess: () => {
          message.success(t('bloodDrives.bookModal.waitlisted'));
          onClose();
        },
        onError: (e) => setProblem({ text: errorMessage(e), full: false }),
      },
    );
  };
  if (token)
    return (
      <Modal
        open
        title={t('bloodDrives.bookModal.doneTitle')}
        onCancel={onClose}
        onOk={onClose}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <Typography.Paragraph>{t('bloodDrives.bookModal.tokenOnce')}</Typography.Paragraph>
        <Typography.Paragraph copyable code style={{ fontSize: 16 }}>
          {token}
        </Typography.Paragraph>
      </Modal>
    );
  return (
    <FormModal<Values>
      title={t('bloodDrives.bookModal.title')}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      okText={t('bloodDrives.bookModal.book')}
      busy={book.isPending}
    >
      {problem && (
        <Alert
          type={problem.full ? 'warning' : 'error'}
          showIcon
          title={problem.text}
          action={
            problem.full ? (
              <Button size="small" onClick={joinWaitlist} loading={wait.isPending}>
                {t('bloodDrives.bookModal.waitlist')}
              </Button>
            ) : undefined
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Form.Item
        name="personId"
        label={t('bloodDrives.bookModal.donor')}
        extra={t('bloodDrives.bookModal.donorHint')}
        required
      >
        <PersonPicker />
      </Form.Item>
      <Form.Item name="slotId" label={t('bloodDrives.bookModal.slot')} required>
        <Select
          options={drive.slots.map((s) => ({
            value: s.id,
            label: `${hhmm(s.startsAt)}–${hhmm(s.endsAt)} · ${t('bloodDrives.freeOf', { free: s.free, capacity: s.capacity })}`,
          }))}
        />
      </Form.Item>
    </FormModal>
  );
}
