import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { loginBody, type Me } from '@contracts/auth.ts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { AppForm } from '../../../app/components/app-form.tsx';
import { errorMessage } from '../../../app/errors.ts';
import { clearErrorsOnChange, parseWith } from '../../../app/forms.ts';
import { currentLocale } from '../../../app/i18n/index.ts';
import { LanguageSwitch } from '../../../app/shell/language-switch.tsx';
import { meKey, useLogin, useMe, useUpdateMe } from '../api.ts';

type LoginValues = { username?: string; password?: string };

/** The language picked on this page is what the person is reading: keep it after signing in. */
function useKeepLoginLocale() {
  const queryClient = useQueryClient();
  const updateMe = useUpdateMe();
  return (me: Me) => {
    const locale = currentLocale();
    if (me.user.locale === locale) return;
    queryClient.setQueryData<Me>(meKey, { ...me, user: { ...me.user, locale } });
    updateMe.mutate({ locale });
  };
}

function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginValues>();
  const login = useLogin();
  const keepLocale = useKeepLoginLocale();
  const [error, setError] = useState<string | null>(null);
  const onFinish = (values: LoginValues) => {
    const body = parseWith(form, loginBody, {
      username: values.username ?? '',
      password: values.password ?? '',
    });
    if (!body) return;
    setError(null);
    login.mutate(body, {
      onSuccess: (signedIn) => {
        keepLocale(signedIn);
        onSignedIn();
      },
      onError: (e) => setError(errorMessage(e)),
    });
  };
  return (
    <AppForm
      enterSubmits
      form={form}
      layout="vertical"
      onFinish={onFinish}
      onValuesChange={clearErrorsOnChange(form)}
      requiredMark={false}
    >
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form.Item name="username" label={t('auth.username')}>
        <Input prefix={<UserOutlined />} autoFocus autoComplete="username" autoCapitalize="none" />
      </Form.Item>
      <Form.Item name="password" label={t('auth.password')}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={login.isPending}>
        {t('auth.signIn')}
      </Button>
    </AppForm>
  );
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const next = (location.state as { next?: string } | null)?.next ?? '/';
  const { data: me } = useMe();
  if (me) return <Navigate to={next} replace />;
  return (
    <main className="login-screen">
      <Card style={{ width: 400, maxWidth: '100%' }}>
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Space>
              <img src="/favicon.svg" alt="" width={36} height={36} />
              <Typography.Title level={3} style={{ margin: 0 }}>
                Chung Tay
              </Typography.Title>
            </Space>
            <LanguageSwitch />
          </Space>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('auth.tagline')}
          </Typography.Paragraph>
          <LoginForm onSignedIn={() => navigate(next, { replace: true })} />
        </Space>
      </Card>
    </main>
  );
}
