import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { createUserBody } from '@contracts/users.ts';
import {
  Alert,
  App,
  Button,
  Col,
  Drawer,
  Form,
  type FormInstance,
  Input,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppForm } from '../../../app/components/app-form.tsx';
import { errorMessage } from '../../../app/errors.ts';
import { clearErrorsOnChange, parseWith, showServerIssues } from '../../../app/forms.ts';
import { OrgPicker } from '../../orgs/components/org-picker.tsx';
import { useUserChange } from '../api.ts';
import { RoleSelect } from './role-select.tsx';

type Values = {
  username?: string;
  fullName?: string;
  email?: string;
  password?: string;
  locale?: 'vi' | 'en';
  grants?: { orgId?: number; role?: string }[];
};

function GrantsField() {
  const { t } = useTranslation();
  return (
    <Form.List name="grants">
      {(fields, { add, remove }, { errors }) => (
        <>
          <Typography.Text strong>{t('users.grants')}</Typography.Text>
          {fields.map((field) => (
            <Row key={field.key} gutter={8} style={{ marginTop: 8 }}>
              <Col span={13}>
                <Form.Item name={[field.name, 'orgId']} style={{ marginBottom: 8 }}>
                  <OrgPicker />
                </Form.Item>
              </Col>
              <Col span={9}>
                <Form.Item name={[field.name, 'role']} style={{ marginBottom: 8 }}>
                  <RoleSelect />
                </Form.Item>
              </Col>
              <Col span={2}>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('common.remove')}
                  onClick={() => remove(field.name)}
                />
              </Col>
            </Row>
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            onClick={() => add({})}
            style={{ marginTop: 8 }}
          >
            {t('users.addGrant')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

function AccountFields() {
  const { t } = useTranslation();
  const locales = [
    { value: 'vi', label: 'Tiếng Việt' },
    { value: 'en', label: 'English' },
  ];
  return (
    <>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="username" label={t('users.username')} required extra={t('users.usernameHint')}>
            <Input autoFocus autoComplete="off" autoCapitalize="none" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="fullName" label={t('users.fullName')} required>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="email" label={t('users.email')}>
            <Input inputMode="email" autoComplete="email" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="locale" label={t('users.locale')}>
            <Select options={locales} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="password"
        label={t('users.initialPassword')}
        required
        extra={t('account.passwordHint')}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}

function useCreateUser(form: FormInstance<Values>, onClose: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const change = useUserChange();
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (values: Values) => {
    setProblem(null);
    const body = parseWith(form, createUserBody, { ...values, grants: values.grants ?? [] }, (issues) =>
      setProblem(issues.map((i) => i.message).join('; ')),
    );
    if (!body) return;
    change.mutate(
      { kind: 'create', body },
      {
        onSuccess: () => {
          message.success(t('users.created', { username: body.username }));
          onClose();
        },
        onError: (e) => {
          if (!showServerIssues(form, e)) setProblem(errorMessage(e));
        },
      },
    );
  };
  return { submit, problem, busy: change.isPending };
}

/** New account: validated with createUserBody, the same schema as POST /api/users. */
export function CreateUserDrawer({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { submit, problem, busy } = useCreateUser(form, onClose);
  return (
    <Drawer open title={t('users.create')} size={640} onClose={onClose} destroyOnHidden>
      <AppForm
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={clearErrorsOnChange(form)}
        initialValues={{ locale: 'vi', grants: [{}] }}
      >
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
        <AccountFields />
        <GrantsField />
        <Space style={{ marginTop: 24 }}>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('common.create')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </Space>
      </AppForm>
    </Drawer>
  );
}
