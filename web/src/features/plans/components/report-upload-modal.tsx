import { InboxOutlined } from '@ant-design/icons';
import type { ReportUploadResult } from '@contracts/plan-files.ts';
import { Alert, App, Checkbox, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, request } from '../../../app/api-client.ts';
import { errorMessage } from '../../../app/errors.ts';

type Issue = { row: number | null; column: string; message: string };

/** `file.row 12.HD` → row 12, column HD (the server names the template's line and column). */
function rowIssues(error: unknown): Issue[] {
  if (!isApiError(error) || error.code !== 'validation_failed') return [];
  const issues = (error.details as { issues?: { path: string; message: string }[] } | null)?.issues ?? [];
  return issues.map((i) => {
    const m = /row (\d+)(?:\.(.+))?$/.exec(i.path);
    return { row: m ? Number(m[1]) : null, column: m?.[2] ?? '', message: i.message };
  });
}

type Props = { planId: number; orgId: number; periodKey: string; onClose: () => void; onDone: () => void };

/** Nhập từ Excel: a filled template; every line or none is saved, the faulty lines listed. */
export function ReportUploadModal({ planId, orgId, periodKey, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [submit, setSubmit] = useState(false);
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const send = async (file: File) => {
    setBusy(true);
    setIssues([]);
    setProblem(null);
    const body = new FormData();
    body.append('orgId', String(orgId));
    body.append('periodKey', periodKey);
    body.append('submit', String(submit));
    body.append('file', file, file.name);
    try {
      const result = await request<ReportUploadResult>('POST', `/plans/${planId}/report-upload`, { body });
      message.success(t('plans.reportForm.uploadDone', { saved: result.saved, submitted: result.submitted }));
      onDone();
      onClose();
    } catch (error) {
      const found = rowIssues(error);
      setIssues(found);
      setProblem(
        found.length
          ? isApiError(error)
            ? error.message
            : t('plans.reportForm.uploadIssues')
          : errorMessage(error),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open width={760} title={t('plans.reportForm.uploadTitle')} onCancel={onClose} footer={null}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('plans.reportForm.uploadHint')}</Typography.Paragraph>
        <Checkbox checked={submit} onChange={(e) => setSubmit(e.target.checked)}>
          {t('plans.reportForm.uploadSubmit')}
        </Checkbox>
        <Upload.Dragger
          accept=".xlsx"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(file) => {
            void send(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('plans.reportForm.uploadDrop')}</p>
        </Upload.Dragger>
        {problem && <Alert type="error" showIcon title={problem} />}
        {issues.length > 0 && (
          <Table<Issue>
            size="small"
            rowKey={(i) => `${i.row}:${i.column}:${i.message}`}
            pagination={false}
            dataSource={issues}
            columns={[
              { key: 'row', title: t('plans.reportForm.row'), width: 70, render: (_v, i) => i.row ?? '—' },
              { key: 'column', title: t('plans.reportForm.column'), width: 110, dataIndex: 'column' },
              { key: 'message', title: t('plans.reportForm.message'), dataIndex: 'message' },
            ]}
          />
        )}
      </Space>
    </Modal>
  );
}
