import { PlusOutlined } from '@ant-design/icons';
import { signupLinkBody } from '@contracts/volunteers/self-signup.ts';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../../app/components/date-input.tsx';
import { FormModal } from '../../../../app/components/form-modal.tsx';
import { ListTable } from '../../../../app/components/list-table.tsx';
import { formatDate, toIsoDate } from '../../../../app/dates.ts';
import { errorMessage } from '../../../../app/errors.ts';
import { parseWith, showServerIssues } from '../../../../app/forms.ts';
import { MyOrgSelect } from '../../../training/components/org-choice.tsx';
import {
  type SignupLink,
  type SignupLinkCreated,
  useCreateSignupLink,
  useDeactivateSignupLink,
  useSignupLinks,
} from '../../api/self.ts';

type Values = { orgId?: number; title?: string; expiresOn?: Dayjs };

function CreateLinkModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (l: SignupLinkCreated) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateSignupLink();
  const onFinish = (v: Values) => {
    const body = parseWith(form, signupLinkBody, {
      orgId: v.orgId,
      title: v.title ?? '',
      expiresOn: toIsoDate(v.expiresOn),
    });
    if (!body) return;
    create.mutate(body, {
      onSuccess: onCreated,
      onError: (e) => {
        if (!showServerIssues(form, e)) message.error(errorMessage(e));
      },
    });
  };
  return (
    <FormModal<Values>
      title={t('volunteerSelf.links.create')}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      busy={create.isPending}
      okText={t('volunteerSelf.links.create')}
    >
      <Form.Item name="orgId" label={t('volunteerSelf.links.org')} required>
        <MyOrgSelect />
      </Form.Item>
      <Form.Item name="title" label={t('volunteerSelf.links.linkTitle')} required>
        <Input maxLength={200} placeholder={t('volunteerSelf.links.titlePlaceholder')} />
      </Form.Item>
      <Form.Item name="expiresOn" label={t('volunteerSelf.links.expiresOn')} required>
        <DateInput />
      </Form.Item>
    </FormModal>
  );
}

/** The full URL is shown exactly once: only the token's hash is kept. */
function LinkCreatedModal({ link, onClose }: { link: SignupLinkCreated; onClose: () => void }) {
  const { t } = useTranslation();
  const url = `${window.location.origin}${link.path}`;
  return (
    <Modal
      open
      title={t('volunteerSelf.links.createdTitle')}
      onOk={onClose}
      onCancel={onClose}
      okText={t('volunteerSelf.links.done')}
      cancelButtonProps={{ style: { display: 'none' } }}
      mask={{ closable: false }}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={t('volunteerSelf.links.onceWarning')} />
        <Typography.Paragraph
          copyable={{ text: url, tooltips: [t('volunteerSelf.links.copy'), t('volunteerSelf.links.copied')] }}
          code
          style={{ wordBreak: 'break-all', fontSize: 13 }}
          data-testid="signup-link-url"
        >
          {url}
        </Typography.Paragraph>
      </Space>
    </Modal>
  );
}

function LinkState({ link }: { link: SignupLink }) {
  const { t } = useTranslation();
  if (link.open) return <Tag color="green">{t('volunteerSelf.links.open')}</Tag>;
  return <Tag>{t(link.active ? 'volunteerSelf.links.expired' : 'volunteerSelf.links.inactive')}</Tag>;
}

/** "Liên kết đăng ký": the institution's sign-up links; create (URL shown once), see how many signed up, deactivate. */
export function SignupLinksCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const links = useSignupLinks();
  const deactivate = useDeactivateSignupLink();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<SignupLinkCreated | null>(null);
  return (
    <Card
      title={t('volunteerSelf.links.title')}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('volunteerSelf.links.create')}
        </Button>
      }
      data-testid="signup-links"
    >
      <Typography.Paragraph type="secondary">{t('volunteerSelf.links.intro')}</Typography.Paragraph>
      {links.error && <Alert type="error" showIcon title={errorMessage(links.error)} />}
      <ListTable<SignupLink>
        rowKey="id"
        size="small"
        loading={links.isPending}
        rows={links.data ?? []}
        scroll={{ x: true }}
        empty={t('volunteerSelf.links.empty')}
        columns={[
          { title: t('volunteerSelf.links.linkTitle'), dataIndex: 'title' },
          { title: t('volunteerSelf.links.org'), dataIndex: 'orgName' },
          {
            title: t('volunteerSelf.links.expiresOn'),
            key: 'exp',
            render: (_, l) => formatDate(l.expiresOn),
          },
          { title: '', key: 'state', render: (_, l) => <LinkState link={l} /> },
          { title: t('volunteerSelf.links.applications'), dataIndex: 'applications', align: 'right' },
          {
            title: '',
            key: 'actions',
            render: (_, l) =>
              l.active && (
                <Popconfirm
                  title={t('volunteerSelf.links.deactivateConfirm', { title: l.title ?? '' })}
                  onConfirm={() =>
                    deactivate.mutate(l.id, {
                      onSuccess: () => message.success(t('volunteerSelf.links.deactivated')),
                      onError: (e) => message.error(errorMessage(e)),
                    })
                  }
                >
                  <Button size="small" danger>
                    {t('volunteerSelf.links.deactivate')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      {creating && (
        <CreateLinkModal
          onClose={() => setCreating(false)}
          onCreated={(l) => {
            setCreating(false);
            setCreated(l);
          }}
        />
      )}
      {created && <LinkCreatedModal link={created} onClose={() => setCreated(null)} />}
    </Card>
  );
}
