import { Alert, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreatedToken } from '../api.ts';

/** The secret is shown exactly once: it cannot be read back later. */
export function TokenCreatedModal({ token, onClose }: { token: CreatedToken; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={t('account.tokens.createdTitle', { name: token.name })}
      onOk={onClose}
      onCancel={onClose}
      okText={t('account.tokens.stored')}
      cancelButtonProps={{ style: { display: 'none' } }}
      mask={{ closable: false }}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={t('account.tokens.onceWarning')} />
        <Typography.Paragraph
          copyable={{ text: token.token, tooltips: [t('common.copy'), t('common.copied')] }}
          code
          style={{ wordBreak: 'break-all', fontSize: 13 }}
          aria-label={t('account.tokens.secret')}
        >
          {token.token}
        </Typography.Paragraph>
      </Space>
    </Modal>
  );
}
