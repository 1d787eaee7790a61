import { PlusOutlined } from '@ant-design/icons';
import { calloutBody } from '@contracts/blood/clubs-callouts.ts';
import { aboGroups, bloodGroupLabel } from '@contracts/blood/common.ts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Statistic,
  Tag,
  TimePicker,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../../app/components/date-input.tsx';
import { FormModal } from '../../../../app/components/form-modal.tsx';
import { ListCard } from '../../../../app/components/list-card.tsx';
import { ListTable } from '../../../../app/components/list-table.tsx';
import { NumberField } from '../../../../app/components/number-field.tsx';
import { QueryError } from '../../../../app/components/query-error.tsx';
import { formatDateTime, toIsoDate } from '../../../../app/dates.ts';
import { errorMessage } from '../../../../app/errors.ts';
import { parseWith, showServerIssues } from '../../../../app/forms.ts';
import { useFormatNumber } from '../../../../app/numbers.ts';
import { ProvinceSelect } from '../../../admin-units/components/province-select.tsx';
import { useCurrentUser } from '../../../auth/api.ts';
import { OrgPicker } from '../../../orgs/components/org-picker.tsx';
import {
  type Callout,
  type CalloutDetail,
  useAttendance,
  useCallout,
  useCallouts,
  useCloseCallout,
  useClubs,
  useCreateCallout,
} from '../../components/clubs/api.ts';

type Values = {
  requesterOrgId?: number;
  abo?: string;
  rh?: string;
  units?: number;
  place?: string;
  provinceCode?: string;
  day?: Dayjs;
  time?: Dayjs;
  clubId?: number;
};

/** Day and hour typed in Vietnam → an instant with its offset (+07:00). */
const neededBy = (day?: Dayjs, time?: Dayjs) => {
  const d = toIsoDate(day);
  return d ? `${d}T${time ? time.format('HH:mm') : '23:59'}:00+07:00` : undefined;
};

function CalloutFormModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: number) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const create = useCreateCallout();
  const clubs = useClubs({ kind: 'rare_blood' });
  const onFinish = (v: Values) => {
    setProblem(null);
    const { day, time, ...rest } = v;
    const parsed = parseWith(
      form,
      calloutBody,
      { ...rest, neededBy: neededBy(day, time), clubId: v.clubId ?? null },
      (i) => setProblem(i.map((x) => x.message).join('; ')),
    );
    if (!parsed) return;
    create.mutate(parsed, {
      onSuccess: (c) => {
        message.success(t('bloodClubs.callouts.created', { count: c.counts.notified }));
        onCreated(c.id);
        onClose();
      },
      onError: (e) => {
        if (!showServerIssues(form, e)) setProblem(errorMessage(e));
      },
    });
  };
  return (
    <FormModal<Values>
      title={t('bloodClubs.callouts.create')}
      form={form}
      width={600}
      initialValues={{ requesterOrgId: me.grants[0]?.orgId, abo: 'O', rh: 'neg', units: 1 }}
      onCancel={onClose}
      onFinish={onFinish}
      okText={t('bloodClubs.callouts.create')}
      busy={create.isPending}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form.Item name="requesterOrgId" label={t('bloodClubs.callouts.requester')} required>
        <OrgPicker />
      </Form.Item>
      <Space wrap size="large">
        <Form.Item name="abo" label={t('bloodClubs.callouts.abo')} required>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={aboGroups.map((g) => ({ value: g, label: g }))}
          />
        </Form.Item>
        <Form.Item name="rh" label={t('bloodClubs.callouts.rh')} required>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'neg', label: t('bloodClubs.callouts.rhNeg') },
              { value: 'pos', label: t('bloodClubs.callouts.rhPos') },
            ]}
          />
        </Form.Item>
      </Space>
      <Form.Item name="units" label={t('bloodClubs.callouts.units')} required>
        <NumberField isInteger min={1} max={1000} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="place" label={t('bloodClubs.callouts.place')} required>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="provinceCode" label={t('bloodClubs.province')} required>
        <ProvinceSelect />
      </Form.Item>
      <Form.Item label={t('bloodClubs.callouts.neededBy')} required style={{ marginBottom: 0 }}>
        <Space wrap>
          <Form.Item name="day" noStyle>
            <DateInput />
          </Form.Item>
          <Form.Item name="time" noStyle>
            <TimePicker format="HH:mm" minuteStep={15} needConfirm={false} style={{ width: 110 }} />
          </Form.Item>
        </Space>
      </Form.Item>
      <Form.Item name="clubId" label={t('bloodClubs.callouts.club')} style={{ marginTop: 24 }}>
        <Select
          allowClear
          placeholder={t('bloodClubs.callouts.clubAny')}
          options={(clubs.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
      </Form.Item>
    </FormModal>
  );
}

function Counts({ c }: { c: Callout }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const items = [
    ['notified', c.counts.notified],
    ['accepted', c.counts.accepted],
    ['declined', c.counts.declined],
    ['came', c.counts.came],
    ['noShow', c.counts.noShow],
  ] as const;
  return (
    <Row gutter={[16, 16]}>
      {items.map(([k, v]) => (
        <Col key={k} xs={8} sm={4}>
          <Statistic title={t(`bloodClubs.callouts.${k}`)} value={n(v)} />
        </Col>
      ))}
    </Row>
  );
}

function CalloutPanel({ id }: { id: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const detail = useCallout(id);
  const attend = useAttendance(id);
  const close = useCloseCallout(id);
  if (detail.error) return <QueryError error={detail.error} onRetry={() => detail.refetch()} />;
  const c = detail.data;
  if (!c) return null;
  const mark = (body: { came?: number[]; noShow?: number[] }) =>
    attend.mutate(body, { onError: (e) => message.error(errorMessage(e)) });
  return (
    <Card
      style={{ marginTop: 16 }}
      title={`${bloodGroupLabel(c.abo, c.rh)} — ${c.place}`}
      extra={
        c.can.manage && (
          <Button onClick={() => close.mutate(undefined)} loading={close.isPending} className="no-print">
            {t('bloodClubs.callouts.close')}
          </Button>
        )
      }
    >
      <Counts c={c} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('bloodClubs.callouts.donorsTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('bloodClubs.callouts.privacy')}</Typography.Paragraph>
      <ListTable<CalloutDetail['donors'][number]>
        rowKey="ref"
        size="small"
        rows={c.donors}
        columns={[
          { key: 'ref', title: '#', render: (_v, d) => t('bloodClubs.callouts.donorRef', { ref: d.ref }) },
          {
            key: 's',
            title: t('bloodClubs.callouts.status'),
            render: (_v, d) => (
              <Tag color={d.status === 'came' ? 'green' : d.status === 'no_show' ? 'red' : 'blue'}>
                {t(`bloodClubs.callouts.replies.${d.status}`)}
              </Tag>
            ),
          },
          {
            key: 'a',
            title: '',
            className: 'no-print',
            render: (_v, d) =>
              c.can.manage && (
                <Space>
                  <Button
                    size="small"
                    type="primary"
                    disabled={d.status === 'came'}
                    onClick={() => mark({ came: [d.ref] })}
                  >
                    {t('bloodClubs.callouts.markCame')}
                  </Button>
                  <Button
                    size="small"
                    disabled={d.status === 'no_show'}
                    onClick={() => mark({ noShow: [d.ref] })}
                  >
                    {t('bloodClubs.callouts.markNoShow')}
                  </Button>
                </Space>
              ),
          },
        ]}
        empty={t('bloodClubs.callouts.noDonors')}
      />
    </Card>
  );
}

/** /blood/callouts — rare-blood call-outs: ask, follow the replies live (counts only), record who came. */
export function CalloutsPage() {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const callouts = useCallouts();
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const create = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      {t('bloodClubs.callouts.create')}
    </Button>
  );
  return (
    <ListCard title={t('bloodClubs.callouts.title')} intro={t('bloodClubs.callouts.intro')} actions={create}>
      {callouts.error && <QueryError error={callouts.error} onRetry={() => callouts.refetch()} />}
      <ListTable<Callout>
        rowKey="id"
        size="middle"
        scroll={{ x: 'max-content' }}
        rows={callouts.data ?? []}
        loading={callouts.isLoading}
        onRow={(c) => ({ onClick: () => setSelected(c.id), style: { cursor: 'pointer' } })}
        rowClassName={(c) => (c.id === selected ? 'ant-table-row-selected' : '')}
        columns={[
          {
            key: 'g',
            title: t('bloodClubs.callouts.place'),
            render: (_v, c) => (
              <Space orientation="vertical" size={0}>
                <Tag color="red">{bloodGroupLabel(c.abo, c.rh)}</Tag>
                {/* A link, so the call-out opens from the keyboard too (the row's click is the mouse's way). */}
                <Button
                  type="link"
                  style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                  onClick={(e) => {
                    e.stopPropagation();
                    setSelected(c.id);
                  }}
                >{`${c.place} (${c.provinceName ?? c.provinceCode})`}</Button>
              </Space>
            ),
          },
          {
            key: 'u',
            title: t('bloodClubs.callouts.units'),
            align: 'right',
            responsive: ['sm'],
            render: (_v, c) => n(c.units),
          },
          {
            key: 'by',
            title: t('bloodClubs.callouts.neededBy'),
            render: (_v, c) => formatDateTime(c.neededBy),
          },
          {
            key: 'r',
            title: t('bloodClubs.callouts.requester'),
            dataIndex: 'requesterName',
            responsive: ['lg'],
          },
          {
            key: 'c',
            title: `${t('bloodClubs.callouts.notified')} / ${t('bloodClubs.callouts.accepted')} / ${t('bloodClubs.callouts.came')}`,
            render: (_v, c) => `${n(c.counts.notified)} / ${n(c.counts.accepted)} / ${n(c.counts.came)}`,
          },
          {
            key: 's',
            title: t('bloodClubs.callouts.status'),
            render: (_v, c) => (
              <Tag color={c.status === 'open' ? 'processing' : c.status === 'filled' ? 'green' : 'default'}>
                {t(`bloodClubs.callouts.statuses.${c.status}`)}
              </Tag>
            ),
          },
        ]}
        empty={t('bloodClubs.callouts.empty')}
        emptyAction={create}
      />
      {selected !== null && <CalloutPanel id={selected} />}
      {creating && <CalloutFormModal onClose={() => setCreating(false)} onCreated={setSelected} />}
    </ListCard>
  );
}
