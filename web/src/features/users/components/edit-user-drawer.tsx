import { UnlockOutlined } from '@ant-design/icons';
import { type UserView, updateUserBody } from '@contracts/users.ts';
import { Alert, App, Button, Divider, Drawer, Form, Input, Skeleton, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AppForm } from '../../../app/components/app-form.tsx';
import { formatDateTime } from '../../../app/dates.ts';
import { errorMessage } from '../../../app/errors.ts';
import { clearErrorsOnChange, parseWith, showServerIssues } from '../../../app/forms.ts';
import { useUser, useUserChange } from '../api.ts';
import { UserGrantsEditor } from './user-grants-editor.tsx';

type Values = { fullName?: string; email?: string; isActive?: boolean; password?: string };

function ProfileForm({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useUserChange();
  const onFinish = (values: Values) => {
    const body = parseWith(form, updateUserBody, { ...values, password: values.password || undefined });
    if (!body) return;
    change.mutate(
      { kind: 'update', id: user.id, body },
      {
        onSuccess: () => {
          message.success(t('users.saved'));
          form.setFieldValue('password', undefined);
        },
        onError: (e) => {
          if (!showServerIssues(form, e)) message.error(errorMessage(e));
        },
      },
    );
  };
  return (
    <AppForm
      form={form}
      layout="vertical"
      onFinish={onFinish}
      onValuesChange={clearErrorsOnChange(form)}
      initialValues={{ fullName: user.fullName, email: user.email ?? undefined, isActive: user.isActive }}
    >
      <Form.Item name="fullName" label={t('users.fullName')} required>
        <Input autoFocus />
      </Form.Item>
      <Form.Item name="email" label={t('users.email')}>
        <Input inputMode="email" autoComplete="email" />
      </Form.Item>
      <Form.Item
        name="isActive"
        label={t('users.activeLabel')}
        valuePropName="checked"
        extra={t('users.activeHint')}
      >
        <Switch />
      </Form.Item>
      <Form.Item name="password" label={t('users.resetPassword')} extra={t('users.resetPasswordHint')}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        {t('common.save')}
      </Button>
    </AppForm>
  );
}

function LockNotice({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const change = useUserChange();
  if (!user.isLocked) return null;
  const unlock = () =>
    change.mutate(
      { kind: 'unlock', id: user.id },
      {
        onSuccess: () => message.success(t('users.unlocked')),
        onError: (e) => message.error(errorMessage(e)),
      },
    );
  return (
    <Alert
      type="warning"
      showIcon
      title={t('users.lockedNotice')}
      action={
        <Button size="small" icon={<UnlockOutlined />} loading={change.isPending} onClick={unlock}>
          {t('users.unlock')}
        </Button>
      }
      style={{ marginBottom: 16 }}
    />
  );
}

export function EditUserDrawer({ userId, onClose }: { userId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useUser(userId);
  return (
    <Drawer open size={640} onClose={onClose} title={user.data ? user.data.username : t('common.loading')}>
      {user.isPending && <Skeleton active />}
      {user.error && <Alert type="error" showIcon title={errorMessage(user.error)} />}
      {user.data && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <LockNotice user={user.data} />
          <Typography.Text type="secondary">
            {t('users.createdAt', { at: formatDateTime(user.data.createdAt) })}
            {user.data.lastLoginAt &&
              ` · ${t('users.lastLoginAt', { at: formatDateTime(user.data.lastLoginAt) })}`}
          </Typography.Text>
          <ProfileForm key={user.data.id} user={user.data} />
          <Divider />
          <UserGrantsEditor user={user.data} />
        </Space>
      )}
    </Drawer>
  );
}
