import { changePasswordBody } from '@contracts/auth.ts';
import { App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { AppForm } from '../../../app/components/app-form.tsx';
import { errorMessage } from '../../../app/errors.ts';
import { clearErrorsOnChange, parseWith, showServerIssues } from '../../../app/forms.ts';
import { useChangePassword } from '../api.ts';

type Values = { currentPassword?: string; newPassword?: string; confirmPassword?: string };

export function PasswordCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const onFinish = ({ confirmPassword, ...values }: Values) => {
    const body = parseWith(form, changePasswordBody, values);
    if (!body) return;
    if (confirmPassword !== body.newPassword) {
      form.setFields([{ name: 'confirmPassword', errors: [t('account.passwordMismatch')] }]);
      return;
    }
    change.mutate(body, {
      onSuccess: () => {
        message.success(t('account.passwordChanged'));
        form.resetFields();
      },
      onError: (e) => {
        if (!showServerIssues(form, e)) message.error(errorMessage(e));
      },
    });
  };
  return (
    <Card title={t('account.changePassword')}>
      <AppForm form={form} layout="vertical" onFinish={onFinish} onValuesChange={clearErrorsOnChange(form)}>
        <Form.Item name="currentPassword" label={t('account.currentPassword')}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('account.newPassword')} extra={t('account.passwordHint')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirmPassword" label={t('account.confirmPassword')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('account.changePassword')}
        </Button>
      </AppForm>
    </Card>
  );
}
