import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { grantInput, type UserView } from '@contracts/users.ts';
import { App, Button, Form, List, Popconfirm, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AppForm } from '../../../app/components/app-form.tsx';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { errorMessage } from '../../../app/errors.ts';
import { clearErrorsOnChange, parseWith, showServerIssues } from '../../../app/forms.ts';
import { OrgPicker } from '../../orgs/components/org-picker.tsx';
import { useRoleName, useUserChange } from '../api.ts';
import { RoleSelect } from './role-select.tsx';

type Values = { orgId?: number; role?: string };

function AddGrantForm({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useUserChange();
  const onFinish = (values: Values) => {
    const body = parseWith(form, grantInput, values);
    if (!body) return;
    change.mutate(
      { kind: 'addGrant', id: user.id, body },
      {
        onSuccess: () => {
          message.success(t('users.grantAdded'));
          form.resetFields();
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
      layout="inline"
      onFinish={onFinish}
      onValuesChange={clearErrorsOnChange(form)}
      style={{ rowGap: 8 }}
    >
      <Form.Item name="orgId" style={{ minWidth: 260, flex: 1 }}>
        <OrgPicker />
      </Form.Item>
      <Form.Item name="role" style={{ minWidth: 180 }}>
        <RoleSelect />
      </Form.Item>
      <Button htmlType="submit" icon={<PlusOutlined />} loading={change.isPending}>
        {t('users.addGrant')}
      </Button>
    </AppForm>
  );
}

/** Roles held on organisations: each grant covers the organisation and its whole subtree. */
export function UserGrantsEditor({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const roleName = useRoleName();
  const change = useUserChange();
  const remove = (grantId: number) =>
    change.mutate(
      { kind: 'removeGrant', id: user.id, grantId },
      {
        onSuccess: () => message.success(t('users.grantRemoved')),
        onError: (e) => message.error(errorMessage(e)),
      },
    );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={5}>{t('users.grants')}</Typography.Title>
      <List
        bordered
        size="small"
        dataSource={user.grants}
        locale={{ emptyText: <EmptyState text={t('users.noGrants')} /> }}
        renderItem={(g) => (
          <List.Item
            actions={[
              <Popconfirm key="remove" title={t('users.removeGrantConfirm')} onConfirm={() => remove(g.id)}>
                <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.remove')} />
              </Popconfirm>,
            ]}
          >
            {roleName(g.role)} @ <Link to={`/orgs/${g.orgId}`}>{g.orgName}</Link>
          </List.Item>
        )}
      />
      <AddGrantForm user={user} />
    </Space>
  );
}
