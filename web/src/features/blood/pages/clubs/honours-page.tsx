import { FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildUrl } from '../../../../app/api-client.ts';
import { DateInput } from '../../../../app/components/date-input.tsx';
import { ListCard } from '../../../../app/components/list-card.tsx';
import { ListFilters } from '../../../../app/components/list-filters.tsx';
import { ListTable } from '../../../../app/components/list-table.tsx';
import { QueryError } from '../../../../app/components/query-error.tsx';
import { formatDate, fromIsoDate, todayIso, toIsoDate } from '../../../../app/dates.ts';
import { errorMessage } from '../../../../app/errors.ts';
import { useFormatNumber } from '../../../../app/numbers.ts';
import { useCurrentUser } from '../../../auth/api.ts';
import { OrgPicker } from '../../../orgs/components/org-picker.tsx';
import {
  type Candidate,
  type Honour,
  type HonourRule,
  useCandidates,
  useHonourRules,
  useHonours,
  usePropose,
} from '../../components/clubs/api.ts';
import { DecideModal, RuleModal } from '../../components/clubs/honour-modals.tsx';

function RulesCard({ orgId }: { orgId?: number }) {
  const { t } = useTranslation();
  const rules = useHonourRules(orgId);
  const [adding, setAdding] = useState(false);
  const add = rules.data?.can.create && (
    <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} className="no-print">
      {t('bloodClubs.honours.addRule')}
    </Button>
  );
  return (
    <Card title={t('bloodClubs.honours.rules')} extra={add || undefined} style={{ marginTop: 16 }}>
      {rules.error && <QueryError error={rules.error} onRetry={() => rules.refetch()} />}
      <ListTable<HonourRule>
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        rows={rules.data?.items ?? []}
        columns={[
          {
            key: 'k',
            title: t('bloodClubs.honours.kind'),
            render: (_v, r) => t(`bloodClubs.honours.kinds.${r.kind}`),
          },
          { key: 'th', title: t('bloodClubs.honours.threshold'), align: 'right', dataIndex: 'threshold' },
          {
            key: 'ti',
            title: t('bloodClubs.honours.titleVi'),
            render: (_v, r) => (
              <Space direction="vertical" size={0}>
                <Typography.Text delete={r.overridden}>{r.titleVi}</Typography.Text>
                {r.overridden && (
                  <Typography.Text type="secondary">{t('bloodClubs.honours.overridden')}</Typography.Text>
                )}
              </Space>
            ),
          },
          {
            key: 'd',
            title: t('bloodClubs.honours.decidingBody'),
            dataIndex: 'decidingBody',
            responsive: ['md'],
          },
          {
            key: 'l',
            title: t('bloodClubs.honours.legalSource'),
            dataIndex: 'legalSource',
            responsive: ['lg'],
          },
          {
            key: 'f',
            title: t('bloodClubs.honours.effectiveFrom'),
            responsive: ['md'],
            render: (_v, r) =>
              r.effectiveTo
                ? `${formatDate(r.effectiveFrom)} – ${formatDate(r.effectiveTo)}`
                : formatDate(r.effectiveFrom),
          },
        ]}
        empty={t('bloodClubs.honours.rulesEmpty')}
        emptyAction={add}
      />
      {adding && <RuleModal orgId={orgId} onClose={() => setAdding(false)} />}
    </Card>
  );
}

function CandidatesCard({ orgId, from, to }: { orgId?: number; from: string; to: string }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const { message } = App.useApp();
  const [kind, setKind] = useState<'individual' | 'family'>('individual');
  const candidates = useCandidates({ orgId, from, to, kind });
  const propose = usePropose();
  const [picked, setPicked] = useState<number[]>([]);
  const [ruleId, setRuleId] = useState<number>();
  const rows = candidates.data ?? [];
  const key = (c: Candidate) => (kind === 'family' ? c.clubId : c.personId) ?? 0;
  const rules = [...new Map(rows.flatMap((c) => c.rules).map((r) => [r.ruleId, r])).values()];
  const send = () => {
    if (!orgId || !ruleId) return;
    const ids = picked.filter((id) =>
      rows.find((c) => key(c) === id)?.rules.some((r) => r.ruleId === ruleId),
    );
    propose.mutate(
      { orgId, ruleId, ...(kind === 'family' ? { clubIds: ids } : { personIds: ids }) },
      {
        onSuccess: (list) => {
          message.success(t('bloodClubs.honours.proposed', { count: list.length }));
          setPicked([]);
        },
        onError: (e) => message.error(errorMessage(e)),
      },
    );
  };
  return (
    <Card
      title={t('bloodClubs.honours.candidates')}
      style={{ marginTop: 16 }}
      extra={
        <Select
          value={kind}
          onChange={(k) => {
            setKind(k);
            setPicked([]);
          }}
          style={{ width: 140 }}
          options={(['individual', 'family'] as const).map((k) => ({
            value: k,
            label: t(`bloodClubs.honours.kinds.${k}`),
          }))}
        />
      }
    >
      {!orgId && (
        <Typography.Paragraph type="secondary">{t('bloodClubs.honours.candidatesHint')}</Typography.Paragraph>
      )}
      {candidates.error && <QueryError error={candidates.error} onRetry={() => candidates.refetch()} />}
      <ListTable<Candidate>
        rowKey={key}
        size="small"
        rows={rows}
        loading={candidates.isFetching}
        rowSelection={{ selectedRowKeys: picked, onChange: (k) => setPicked(k as number[]) }}
        columns={[
          {
            key: 'n',
            title: kind === 'family' ? t('bloodClubs.honours.family') : t('bloodClubs.detail.people'),
            dataIndex: 'name',
          },
          {
            key: 'd',
            title: t('bloodClubs.honours.donations'),
            align: 'right',
            render: (_v, c) => n(c.donations),
          },
          {
            key: 'r',
            title: t('bloodClubs.honours.reached'),
            render: (_v, c) =>
              c.rules.map((r) => (
                <Tag color="volcano" key={r.ruleId} title={r.titleVi}>
                  {r.threshold}
                </Tag>
              )),
          },
        ]}
        empty={orgId ? t('bloodClubs.honours.candidatesEmpty') : undefined}
      />
      {rows.length > 0 && (
        <Space wrap style={{ marginTop: 12 }} className="no-print">
          <Select
            placeholder={t('bloodClubs.honours.titleVi')}
            value={ruleId}
            onChange={setRuleId}
            style={{ minWidth: 280 }}
            options={rules.map((r) => ({ value: r.ruleId, label: `${r.threshold} — ${r.titleVi}` }))}
          />
          <Button
            type="primary"
            disabled={!ruleId || picked.length === 0}
            loading={propose.isPending}
            onClick={send}
          >
            {t('bloodClubs.honours.propose')}
          </Button>
        </Space>
      )}
    </Card>
  );
}

function ProposalsCard({ orgId }: { orgId?: number }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const honours = useHonours({ orgId });
  const [deciding, setDeciding] = useState<Honour | null>(null);
  const color = { proposed: 'processing', approved: 'blue', awarded: 'green', rejected: 'default' } as const;
  return (
    <Card
      title={t('bloodClubs.honours.proposals')}
      style={{ marginTop: 16 }}
      extra={
        orgId && (
          <Button
            icon={<FilePdfOutlined />}
            href={buildUrl('/blood/honours/list.pdf', { orgId })}
            target="_blank"
            rel="noreferrer"
          >
            {t('bloodClubs.honours.printList')}
          </Button>
        )
      }
    >
      <ListTable<Honour>
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        rows={honours.data ?? []}
        loading={honours.isFetching}
        columns={[
          { key: 'n', title: t('bloodClubs.detail.people'), render: (_v, h) => h.familyClubName ?? h.name },
          {
            key: 'c',
            title: t('bloodClubs.honours.donations'),
            align: 'right',
            render: (_v, h) => n(h.countAtProposal),
          },
          { key: 't', title: t('bloodClubs.honours.titleVi'), dataIndex: 'titleVi' },
          {
            key: 'p',
            title: t('bloodClubs.honours.proposedBy'),
            dataIndex: 'proposedByName',
            responsive: ['lg'],
          },
          {
            key: 's',
            title: t('bloodClubs.honours.status'),
            render: (_v, h) => (
              <Space direction="vertical" size={0}>
                <Tag color={color[h.status]}>{t(`bloodClubs.honours.statuses.${h.status}`)}</Tag>
                {h.decisionNo && (
                  <Typography.Text type="secondary">
                    {h.decisionNo} · {formatDate(h.decidedOn)}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            key: 'a',
            title: '',
            className: 'no-print',
            render: (_v, h) => (
              <Space>
                {h.can.decide && (
                  <Button size="small" type="primary" onClick={() => setDeciding(h)}>
                    {t('bloodClubs.honours.decide')}
                  </Button>
                )}
                <Button
                  size="small"
                  icon={<FilePdfOutlined />}
                  href={buildUrl(`/blood/honours/${h.id}/certificate.pdf`)}
                  target="_blank"
                  rel="noreferrer"
                >
                  {t('bloodClubs.honours.certificate')}
                </Button>
              </Space>
            ),
          },
        ]}
        empty={t('bloodClubs.honours.proposalsEmpty')}
      />
      {deciding && <DecideModal honour={deciding} onClose={() => setDeciding(null)} />}
    </Card>
  );
}

/** /blood/honours — honour rules, who reached a threshold in a period, proposals up the tree and decisions. */
export function HonoursPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [orgId, setOrgId] = useState<number | undefined>(me.grants[0]?.orgId);
  const year = todayIso().slice(0, 4);
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(todayIso());
  return (
    <ListCard title={t('bloodClubs.honours.title')} intro={t('bloodClubs.honours.intro')}>
      <ListFilters>
        <OrgPicker
          value={orgId}
          onChange={(v) => setOrgId(v)}
          placeholder={t('bloodClubs.honours.org')}
          style={{ width: 300 }}
        />
        <DateInput
          value={fromIsoDate(from)}
          onChange={(d) => !Array.isArray(d) && d && setFrom(toIsoDate(d) ?? from)}
          aria-label={t('bloodClubs.honours.from')}
        />
        <DateInput
          value={fromIsoDate(to)}
          onChange={(d) => !Array.isArray(d) && d && setTo(toIsoDate(d) ?? to)}
          aria-label={t('bloodClubs.honours.to')}
        />
      </ListFilters>
      <RulesCard orgId={orgId} />
      <CandidatesCard orgId={orgId} from={from} to={to} />
      <ProposalsCard orgId={orgId} />
    </ListCard>
  );
}
