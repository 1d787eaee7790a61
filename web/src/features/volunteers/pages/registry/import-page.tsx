import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Progress, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../../../app/api-client.ts';
import { PageBreadcrumb } from '../../../../app/components/page-breadcrumb.tsx';
import { formatDate } from '../../../../app/dates.ts';
import { errorMessage } from '../../../../app/errors.ts';
import { useCurrentUser } from '../../../auth/api.ts';
import { OrgPicker } from '../../../orgs/components/org-picker.tsx';
import {
  uploadVolunteers,
  type VolunteerImportProgress,
  type VolunteerImportResult,
  volunteerFiles,
} from '../../components/registry/registry-api.ts';
import { useSkillLabel } from '../../components/registry/volunteer-labels.tsx';

type Preview = Extract<VolunteerImportResult, { mode: 'preview' }>;
type Commit = Extract<VolunteerImportResult, { mode: 'commit' }>;
type Issue = Preview['issues'][number];

/** The issues an import refusal carries (row, column, message), if any. */
const issuesOf = (e: unknown): Issue[] =>
  isApiError(e) ? ((e.details as { issues?: Issue[] } | null)?.issues ?? []) : [];

function IssuesTable({ issues }: { issues: Issue[] }) {
  const { t } = useTranslation();
  return (
    <Table<Issue>
      size="small"
      rowKey={(i) => `${i.row}-${i.field}-${i.message}`}
      dataSource={issues}
      pagination={issues.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      columns={[
        { key: 'row', title: t('volunteers.import.row'), dataIndex: 'row', width: 70 },
        { key: 'column', title: t('volunteers.import.column'), dataIndex: 'column', width: 140 },
        { key: 'message', title: t('volunteers.import.message'), dataIndex: 'message' },
      ]}
    />
  );
}

/** /volunteers/import — upload a list → preview with row errors (nothing saved) → commit all rows or none. */
export function VolunteerImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const skill = useSkillLabel();
  const [orgId, setOrgId] = useState<number | undefined>(me.grants[0]?.orgId);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<'preview' | 'commit' | null>(null);
  const [percent, setPercent] = useState(0);
  const [phase, setPhase] = useState<VolunteerImportProgress | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [done, setDone] = useState<Commit | null>(null);
  const [error, setError] = useState<unknown>(null);
  const send = async (f: File, mode: 'preview' | 'commit') => {
    if (!orgId) return;
    setError(null);
    setPercent(0);
    setPhase(null);
    setBusy(mode);
    try {
      const r = await uploadVolunteers(orgId, f, mode, setPercent, setPhase);
      if (r.mode === 'preview') setPreview(r);
      else setDone(r);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  const toWrite = preview ? preview.total - preview.alreadyRegistered : 0;
  const phaseText =
    phase && t(`volunteers.import.phases.${phase.phase}`, { done: phase.done ?? 0, total: phase.total ?? 0 });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <PageBreadcrumb items={[{ key: 'i', title: t('volunteers.import.title') }]} />
      <Card title={t('volunteers.import.title')}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary">
            {t('volunteers.import.intro')}{' '}
            <a href={volunteerFiles.template()} download>
              <DownloadOutlined /> {t('volunteers.import.template')}
            </a>
          </Typography.Paragraph>
          {done ? (
            <Alert
              type="success"
              showIcon
              title={t('volunteers.import.committed', done)}
              description={
                <Space wrap>
                  <Button onClick={() => navigate('/volunteers')}>{t('volunteers.import.toList')}</Button>
                  <Button
                    onClick={() => {
                      setDone(null);
                      setPreview(null);
                      setFile(null);
                    }}
                  >
                    {t('volunteers.import.again')}
                  </Button>
                </Space>
              }
            />
          ) : (
            <>
              <Form layout="vertical" component="div">
                <Form.Item
                  label={t('volunteers.import.org')}
                  required
                  extra={!orgId && t('volunteers.import.orgFirst')}
                >
                  <OrgPicker
                    value={orgId}
                    onChange={(v) => {
                      setOrgId(v);
                      setPreview(null);
                    }}
                    style={{ width: 420, maxWidth: '100%' }}
                  />
                </Form.Item>
              </Form>
              <Upload.Dragger
                accept=".xlsx"
                multiple={false}
                showUploadList={false}
                disabled={!orgId || busy !== null}
                beforeUpload={(f) => {
                  setFile(f);
                  setPreview(null);
                  void send(f, 'preview');
                  return false;
                }}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{t('volunteers.import.drop')}</p>
                <p className="ant-upload-hint">{t('volunteers.import.dropHint')}</p>
              </Upload.Dragger>
              {file && (
                <Typography.Text type="secondary">
                  {t('volunteers.import.fileChosen', { name: file.name })}
                </Typography.Text>
              )}
            </>
          )}
          {busy && (
            <div aria-live="polite">
              <Progress
                percent={
                  phase?.phase === 'write' && phase.total
                    ? Math.round(((phase.done ?? 0) / phase.total) * 100)
                    : percent
                }
                status="active"
                aria-label={t('volunteers.import.progressLabel')}
              />
              {phaseText && <Typography.Text type="secondary">{phaseText}</Typography.Text>}
            </div>
          )}
          {error !== null && (
            <>
              <Alert type="error" showIcon title={errorMessage(error)} />
              {issuesOf(error).length > 0 && <IssuesTable issues={issuesOf(error)} />}
            </>
          )}
          {preview && !done && (
            <>
              <Alert
                type={preview.invalid ? 'warning' : 'info'}
                showIcon
                title={t('volunteers.import.summary', preview)}
                description={preview.invalid > 0 && t('volunteers.import.fixFirst')}
              />
              {preview.issues.length > 0 && <IssuesTable issues={preview.issues} />}
              <Table
                size="small"
                rowKey="row"
                dataSource={preview.rows}
                pagination={preview.rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
                scroll={{ x: 700 }}
                columns={[
                  { key: 'row', title: t('volunteers.import.row'), dataIndex: 'row', width: 60 },
                  { key: 'name', title: t('volunteers.fields.fullName'), dataIndex: 'fullName' },
                  {
                    key: 'birth',
                    title: t('volunteers.fields.birthDate'),
                    width: 110,
                    render: (_x, r) => formatDate(r.birthDate),
                  },
                  {
                    key: 'group',
                    title: t('volunteers.fields.group'),
                    width: 110,
                    render: (_x, r) => (r.group ? t(`volunteers.groups.${r.group}`) : ''),
                  },
                  {
                    key: 'skills',
                    title: t('volunteers.fields.skills'),
                    render: (_x, r) => r.skills.map(skill).join(', '),
                  },
                  {
                    key: 'match',
                    title: t('volunteers.import.match'),
                    width: 130,
                    render: (_x, r) =>
                      r.errors.length ? (
                        <Tag color="red">{r.errors.length}</Tag>
                      ) : r.match ? (
                        <Tag>{t(`volunteers.import.matches.${r.match}`)}</Tag>
                      ) : null,
                  },
                ]}
              />
              <Button
                type="primary"
                disabled={preview.invalid > 0 || toWrite === 0 || busy !== null || !file}
                loading={busy === 'commit'}
                onClick={() => file && void send(file, 'commit')}
              >
                {t('volunteers.import.commit', { count: toWrite })}
              </Button>
            </>
          )}
        </Space>
      </Card>
    </Space>
  );
}
