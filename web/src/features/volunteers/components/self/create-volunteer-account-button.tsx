import { KeyOutlined } from '@ant-design/icons';
import { accountBody } from '@contracts/volunteers/self.ts';
import { Alert, App, Button, Descriptions, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../../app/components/form-modal.tsx';
import { errorMessage } from '../../../../app/errors.ts';
import { parseWith, showServerIssues } from '../../../../app/forms.ts';
import { type AccountCreated, useCreateVolunteerAccount } from '../../api/self.ts';

/**
 * "Tạo tài khoản đăng nhập" for a volunteer's detail page: a sign-in with no permission, linked to the volunteer's
 * person, with a temporary password shown once. Show it to officers who may manage the profile (`can`).
 */
export function CreateVolunteerAccountButton({ profileId }: { profileId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ username?: string }>();
  const create = useCreateVolunteerAccount(profileId);
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<AccountCreated | null>(null);
  const onFinish = (v: { username?: string }) => {
    const body = parseWith(form, accountBody, { username: v.username?.trim() || undefined });
    if (!body) return;
    create.mutate(body, {
      onSuccess: (a) => {
        setOpen(false);
        setCreated(a);
      },
      onError: (e) => {
        if (!showServerIssues(form, e)) message.error(errorMessage(e));
      },
    });
  };
  return (
    <>
      <Button icon={<KeyOutlined />} onClick={() => setOpen(true)} data-testid="create-volunteer-account">
        {t('volunteerSelf.account.create')}
      </Button>
      {open && (
        <FormModal
          title={t('volunteerSelf.account.title')}
          form={form}
          onCancel={() => setOpen(false)}
          onFinish={onFinish}
          busy={create.isPending}
          okText={t('volunteerSelf.account.create')}
        >
          <Typography.Paragraph type="secondary">{t('volunteerSelf.account.intro')}</Typography.Paragraph>
          <Form.Item name="username" label={t('volunteerSelf.account.username')}>
            <Input autoCapitalize="none" maxLength={50} />
          </Form.Item>
        </FormModal>
      )}
      {created && (
        <Modal
          open
          title={t('volunteerSelf.account.createdTitle')}
          onOk={() => setCreated(null)}
          onCancel={() => setCreated(null)}
          cancelButtonProps={{ style: { display: 'none' } }}
          mask={{ closable: false }}
        >
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert type="warning" showIcon title={t('volunteerSelf.account.onceWarning')} />
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('volunteerSelf.account.usernameLabel')}>
                <Typography.Text copyable code>
                  {created.username}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('volunteerSelf.account.passwordLabel')}>
                <Typography.Text copyable code data-testid="temporary-password">
                  {created.temporaryPassword}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
          </Space>
        </Modal>
      )}
    </>
  );
}
