import { EditOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/errors.ts';
import { type TrainingRequest, useRequestChange } from '../api/requests.ts';
import { RequestFormModal } from './request-form-modal.tsx';

/** The requester's "Sửa" and "Rút đề nghị" on its request, shown while the server says it may (until scheduled). */
export function RequesterActions({ request: r }: { request: TrainingRequest }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const change = useRequestChange();
  const [editing, setEditing] = useState(false);
  if (!r.can.change) return null;
  const withdraw = () =>
    modal.confirm({
      title: t('training.requests.withdrawTitle', { id: r.id }),
      content: t('training.requests.withdrawText'),
      okText: t('training.requests.withdraw'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        change
          .mutateAsync({ kind: 'withdraw', id: r.id, body: { version: r.version } })
          .then(() => message.success(t('training.requests.withdrawn')))
          .catch((e: unknown) => message.error(errorMessage(e))),
    });
  return (
    <Space wrap className="no-print">
      <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
        {t('training.requests.edit')}
      </Button>
      <Button danger icon={<RollbackOutlined />} onClick={withdraw} loading={change.isPending}>
        {t('training.requests.withdraw')}
      </Button>
      {editing && <RequestFormModal editing={r} onClose={() => setEditing(false)} />}
    </Space>
  );
}
