import { createTokenBody } from '@contracts/auth.ts';
import { App, Button, Card, Form, Input, Popconfirm, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppForm } from '../../../app/components/app-form.tsx';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { NumberField } from '../../../app/components/number-field.tsx';
import { formatDate, formatDateTime } from '../../../app/dates.ts';
import { errorMessage } from '../../../app/errors.ts';
import { clearErrorsOnChange, parseWith, showServerIssues } from '../../../app/forms.ts';
import { type ApiToken, type CreatedToken, useCreateToken, useRevokeToken, useTokens } from '../api.ts';
import { TokenCreatedModal } from './token-created-modal.tsx';

type Values = { name?: string; expiresInDays?: number | null };

function TokenStatus({ token }: { token: ApiToken }) {
  const { t } = useTranslation();
  if (token.revokedAt) return <Tag>{t('account.tokens.revoked')}</Tag>;
  if (token.expiresAt && new Date(token.expiresAt) < new Date())
    return <Tag>{t('account.tokens.expired')}</Tag>;
  return <Tag color="green">{t('account.tokens.valid')}</Tag>;
}

function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedToken) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateToken();
  const onFinish = (values: Values) => {
    const body = parseWith(form, createTokenBody, values);
    if (!body) return;
    create.mutate(body, {
      onSuccess: (token) => {
        form.resetFields();
        onCreated(token);
      },
      onError: (e) => {
        if (!showServerIssues(form, e)) message.error(errorMessage(e));
      },
    });
  };
  return (
    <AppForm
      form={form}
      layout="inline"
      onFinish={onFinish}
      onValuesChange={clearErrorsOnChange(form)}
      initialValues={{ expiresInDays: 90 }}
      style={{ rowGap: 8, marginBottom: 16 }}
    >
      <Form.Item name="name" label={t('account.tokens.name')}>
        <Input placeholder={t('account.tokens.namePlaceholder')} />
      </Form.Item>
      <Form.Item name="expiresInDays" label={t('account.tokens.expiresInDays')}>
        <NumberField
          min={1}
          max={3650}
          isInteger
          placeholder={t('account.tokens.never')}
          style={{ width: 160 }}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={create.isPending}>
        {t('account.tokens.create')}
      </Button>
    </AppForm>
  );
}

function useTokenColumns(onRevoke: (id: number) => void): TableColumnsType<ApiToken> {
  const { t } = useTranslation();
  const revokeButton = (k: ApiToken) => (
    <Popconfirm title={t('account.tokens.revokeConfirm', { name: k.name })} onConfirm={() => onRevoke(k.id)}>
      <Button size="small" danger>
        {t('account.tokens.revoke')}
      </Button>
    </Popconfirm>
  );
  return [
    { key: 'name', title: t('account.tokens.name'), dataIndex: 'name' },
    { key: 'prefix', title: t('account.tokens.prefix'), render: (_v, k) => <code>{k.prefix}…</code> },
    { key: 'created', title: t('account.tokens.createdAt'), render: (_v, k) => formatDate(k.createdAt) },
    {
      key: 'used',
      title: t('account.tokens.lastUsed'),
      render: (_v, k) => formatDateTime(k.lastUsedAt) || '—',
    },
    {
      key: 'expires',
      title: t('account.tokens.expiresAt'),
      render: (_v, k) => formatDate(k.expiresAt) || t('account.tokens.never'),
    },
    { key: 'status', title: t('account.tokens.status'), render: (_v, k) => <TokenStatus token={k} /> },
    { key: 'actions', title: '', render: (_v, k) => !k.revokedAt && revokeButton(k) },
  ];
}

/** Personal API keys for scripts and integrations. */
export function TokensCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const columns = useTokenColumns((id) =>
    revoke.mutate(id, {
      onSuccess: () => message.success(t('account.tokens.revokedOk')),
      onError: (e) => message.error(errorMessage(e)),
    }),
  );
  return (
    <Card title={t('account.tokens.title')}>
      <CreateTokenForm onCreated={setCreated} />
      <Table<ApiToken>
        size="small"
        rowKey="id"
        loading={tokens.isPending}
        dataSource={tokens.data ?? []}
        pagination={false}
        columns={columns}
        locale={{ emptyText: <EmptyState text={t('account.tokens.empty')} /> }}
      />
      {created && <TokenCreatedModal token={created} onClose={() => setCreated(null)} />}
    </Card>
  );
}
