import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppForm } from '../../../app/components/app-form.tsx';
import { errorMessage } from '../../../app/errors.ts';
import { type TrainingRequest, useRequestChange } from '../api/requests.ts';

/** The provider declines a training request, with a reason the requester reads. */
export function DeclineModal({ request, onClose }: { request: TrainingRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const change = useRequestChange();
  return (
    <Modal
      open
      title={t('training.requests.declineTitle')}
      okText={t('training.requests.decline')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={change.isPending}
      onCancel={onClose}
      onOk={() =>
        change.mutate(
          { kind: 'decide', id: request.id, body: { version: request.version, decision: 'decline', reason } },
          {
            onSuccess: () => {
              message.success(t('training.requests.declined'));
              onClose();
            },
            onError: (e) => message.error(errorMessage(e)),
          },
        )
      }
    >
      <AppForm layout="vertical">
        <Form.Item label={t('training.requests.declineReason')}>
          <Input.TextArea
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={1000}
            autoFocus
          />
        </Form.Item>
      </AppForm>
    </Modal>
  );
}
