import { updateMeBody } from '@contracts/auth.ts';
import { App, Button, Card, Descriptions, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { AppForm } from '../../../app/components/app-form.tsx';
import { errorMessage } from '../../../app/errors.ts';
import { clearErrorsOnChange, parseWith, showServerIssues } from '../../../app/forms.ts';
import { LanguageSwitch } from '../../../app/shell/language-switch.tsx';
import { useCurrentUser, useUpdateMe } from '../../auth/api.ts';

export function ProfileCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const [form] = Form.useForm<{ fullName?: string }>();
  const updateMe = useUpdateMe();
  const onFinish = (values: { fullName?: string }) => {
    const body = parseWith(form, updateMeBody, values);
    if (!body) return;
    updateMe.mutate(body, {
      onSuccess: () => message.success(t('account.profileSaved')),
      onError: (e) => {
        if (!showServerIssues(form, e)) message.error(errorMessage(e));
      },
    });
  };
  return (
    <Card title={t('account.profile')}>
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'username', label: t('users.username'), children: me.user.username },
          { key: 'email', label: t('users.email'), children: me.user.email ?? t('common.none') },
          { key: 'language', label: t('account.language'), children: <LanguageSwitch /> },
        ]}
      />
      <AppForm
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onValuesChange={clearErrorsOnChange(form)}
        initialValues={{ fullName: me.user.fullName }}
      >
        <Form.Item name="fullName" label={t('users.fullName')}>
          <Input autoFocus />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={updateMe.isPending}>
            {t('common.save')}
          </Button>
        </Space>
      </AppForm>
    </Card>
  );
}
