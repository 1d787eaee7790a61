import { PlusOutlined } from '@ant-design/icons';
import { clubBody } from '@contracts/blood/clubs.ts';
import { Alert, App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateInput } from '../../../../app/components/date-input.tsx';
import { FormModal } from '../../../../app/components/form-modal.tsx';
import { ListCard } from '../../../../app/components/list-card.tsx';
import { ListFilters } from '../../../../app/components/list-filters.tsx';
import { ListTable } from '../../../../app/components/list-table.tsx';
import { QueryError } from '../../../../app/components/query-error.tsx';
import { formatDate, toIsoDate } from '../../../../app/dates.ts';
import { errorMessage } from '../../../../app/errors.ts';
import { parseWith, showServerIssues } from '../../../../app/forms.ts';
import { useFormatNumber } from '../../../../app/numbers.ts';
import { ProvinceSelect } from '../../../admin-units/components/province-select.tsx';
import { useCurrentUser } from '../../../auth/api.ts';
import { OrgPicker } from '../../../orgs/components/org-picker.tsx';
import { type Club, useClubs, useCreateClub } from '../../components/clubs/api.ts';
import { ClubKindSelect, ClubKindTag } from '../../components/clubs/labels.tsx';

type Values = {
  orgId?: number;
  name?: string;
  kind?: string;
  provinceCode?: string;
  foundedOn?: import('dayjs').Dayjs;
};

function ClubFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const create = useCreateClub();
  const onFinish = (v: Values) => {
    setProblem(null);
    const parsed = parseWith(form, clubBody, { ...v, foundedOn: toIsoDate(v.foundedOn) ?? null });
    if (!parsed) return;
    create.mutate(parsed, {
      onSuccess: (c) => {
        message.success(t('bloodClubs.created', { name: c.name }));
        onClose();
      },
      onError: (e) => {
        if (!showServerIssues(form, e)) setProblem(errorMessage(e));
      },
    });
  };
  return (
    <FormModal<Values>
      title={t('bloodClubs.create')}
      form={form}
      initialValues={{ orgId: me.grants[0]?.orgId, kind: 'rare_blood' }}
      onCancel={onClose}
      onFinish={onFinish}
      okText={t('common.create')}
      busy={create.isPending}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form.Item name="name" label={t('bloodClubs.name')} required>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="kind" label={t('bloodClubs.kind')} required>
        <ClubKindSelect />
      </Form.Item>
      <Form.Item name="orgId" label={t('bloodClubs.org')} required>
        <OrgPicker />
      </Form.Item>
      <Form.Item name="provinceCode" label={t('bloodClubs.province')}>
        <ProvinceSelect allowClear />
      </Form.Item>
      <Form.Item name="foundedOn" label={t('bloodClubs.foundedOn')}>
        <DateInput />
      </Form.Item>
    </FormModal>
  );
}

/** /blood/clubs — donor clubs in scope, printable. */
export function ClubsPage() {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const [kind, setKind] = useState<string>();
  const [orgId, setOrgId] = useState<number>();
  const [creating, setCreating] = useState(false);
  const clubs = useClubs({ kind, orgId });
  const can = clubs.data?.can.create ?? false;
  const create = can && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      {t('bloodClubs.create')}
    </Button>
  );
  return (
    <ListCard title={t('bloodClubs.title')} intro={t('bloodClubs.intro')} actions={create || undefined}>
      <ListFilters>
        <ClubKindSelect
          allowClear
          value={kind}
          onChange={setKind}
          placeholder={t('bloodClubs.filterKind')}
          style={{ width: 220 }}
        />
        <OrgPicker
          value={orgId}
          onChange={(v) => setOrgId(v)}
          placeholder={t('bloodClubs.org')}
          style={{ width: 300 }}
        />
      </ListFilters>
      {clubs.error && <QueryError error={clubs.error} onRetry={() => clubs.refetch()} />}
      <ListTable<Club>
        rowKey="id"
        size="middle"
        scroll={{ x: 'max-content' }}
        loading={clubs.isFetching}
        rows={clubs.data?.items ?? []}
        columns={[
          { key: 'i', title: '#', width: 48, render: (_v, _r, i) => i + 1 },
          {
            key: 'name',
            title: t('bloodClubs.name'),
            render: (_v, c) => <Link to={`/blood/clubs/${c.id}`}>{c.name}</Link>,
          },
          { key: 'kind', title: t('bloodClubs.kind'), render: (_v, c) => <ClubKindTag kind={c.kind} /> },
          { key: 'org', title: t('bloodClubs.org'), dataIndex: 'orgName', responsive: ['md'] },
          {
            key: 'prov',
            title: t('bloodClubs.province'),
            render: (_v, c) => c.provinceName ?? '—',
            responsive: ['md'],
          },
          {
            key: 'founded',
            title: t('bloodClubs.foundedOn'),
            render: (_v, c) => formatDate(c.foundedOn),
            responsive: ['lg'],
          },
          { key: 'members', title: t('bloodClubs.members'), align: 'right', render: (_v, c) => n(c.members) },
        ]}
        empty={t('bloodClubs.empty')}
        emptyAction={create}
      />
      {creating && <ClubFormModal onClose={() => setCreating(false)} />}
    </ListCard>
  );
}
