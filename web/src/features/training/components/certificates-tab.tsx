import { FilePdfOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Progress, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../../../app/api-client.ts';
import { formatDate } from '../../../app/dates.ts';
import { errorMessage } from '../../../app/errors.ts';
import { downloadClassCertificates, useCertificates, useIssueCertificates } from '../api/certificates.ts';
import type { TrainingClass } from '../api/classes.ts';
import { CertificatesTable } from './certificates-table.tsx';
import { notBefore } from './class-calendar.ts';

/** The class's certificates in one PDF, with a progress bar counting the pages as they stream in. */
function BulkPdfButton({ c, count }: { c: TrainingClass; count: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [progress, setProgress] = useState<{ done: number; total: number; finished: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setProgress({ done: 0, total: count, finished: false });
    try {
      const { blob, filename } = await downloadClassCertificates(c.id, (done, total) =>
        setProgress({ done, total, finished: false }),
      );
      setProgress((p) => (p ? { done: p.total, total: p.total, finished: true } : p));
      saveBlob(blob, filename ?? `${c.code}.pdf`);
    } catch (e) {
      setProgress(null);
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const percent = progress?.total ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <Space orientation="vertical" size={4} style={{ minWidth: 280 }}>
      <Button icon={<FilePdfOutlined />} onClick={run} loading={busy} disabled={count === 0}>
        {t('training.certificates.bulkPdf')}
      </Button>
      {progress && (
        <div aria-live="polite">
          <Progress
            percent={percent}
            size="small"
            status={progress.finished ? 'success' : 'active'}
            aria-label={t('training.certificates.bulkProgressLabel')}
          />
          <Typography.Text type="secondary">
            {progress.finished
              ? t('training.certificates.bulkDone', { total: progress.total })
              : t('training.certificates.bulkProgress', { done: progress.done, total: progress.total })}
          </Typography.Text>
        </div>
      )}
    </Space>
  );
}

/** Why certificates cannot be issued yet (the class has not ended), saying from when it can end; or null. */
function notIssuableYet(c: TrainingClass, t: (key: string, o?: object) => string): string | null {
  if (c.status === 'completed') return null;
  const day = notBefore(c, 'completed');
  return day && day !== 'no_sessions'
    ? t('training.certificates.issueAfterEndFrom', { date: formatDate(day) })
    : t('training.certificates.issueAfterEnd');
}

/**
 * Giấy chứng nhận of a class: issued to those who passed once the class has ended (asked first: an issued
 * certificate is only revoked or reissued, never deleted); PDFs one by one or all together.
 */
export function CertificatesTab({ c }: { c: TrainingClass }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const list = useCertificates({ classId: c.id, pageSize: 200 });
  const issue = useIssueCertificates(c.id);
  const rows = [...(list.data?.items ?? [])].sort((a, b) => a.number.localeCompare(b.number));
  const passed = c.enrolments.filter((e) => e.status === 'enrolled' && e.outcome === 'pass').length;
  const printable = rows.filter((x) => x.status === 'valid').length;
  const uncertified = Math.max(0, passed - printable);
  const notYet = notIssuableYet(c, t);
  const run = () =>
    issue.mutateAsync(undefined, {
      onSuccess: (r) =>
        message.success(
          r.issued.length
            ? t('training.certificates.issued', { count: r.issued.length })
            : t('training.certificates.noneToIssue', { count: r.alreadyCertified }),
        ),
      onError: (e) => message.error(errorMessage(e)),
    });
  const doIssue = () =>
    modal.confirm({
      title: t('training.certificates.confirmIssue', { count: uncertified }),
      content: t('training.certificates.confirmIssueText', { date: formatDate(c.today) }),
      okText: t('training.certificates.issue'),
      cancelText: t('common.cancel'),
      // The refusal is shown by onError; the dialog closes either way.
      onOk: () => run().catch(() => undefined),
    });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="start" style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space orientation="vertical" size={0}>
          <Typography.Text>
            {t('training.certificates.passedCount', { passed, certified: printable })}
          </Typography.Text>
          <Typography.Text type="secondary">
            {c.course.validityMonths
              ? t('training.certificates.validityRule', {
                  months: c.course.validityMonths,
                  source: c.course.legalSource,
                })
              : t('training.certificates.noExpiryRule')}
          </Typography.Text>
        </Space>
        <Space wrap align="start" className="no-print">
          {c.can.manage && (
            <Tooltip title={uncertified > 0 ? notYet : null}>
              <Button
                type="primary"
                icon={<SafetyCertificateOutlined />}
                onClick={doIssue}
                loading={issue.isPending}
                disabled={uncertified === 0 || notYet !== null}
              >
                {uncertified > 0
                  ? t('training.certificates.issueN', { count: uncertified })
                  : t('training.certificates.issue')}
              </Button>
            </Tooltip>
          )}
          <BulkPdfButton c={c} count={printable} />
        </Space>
      </Space>
      {passed === 0 && <Alert type="info" showIcon title={t('training.certificates.enterResultsFirst')} />}
      {c.can.manage && uncertified > 0 && notYet && <Alert type="info" showIcon title={notYet} />}
      <CertificatesTable
        rows={rows}
        loading={list.isPending}
        canManage={c.can.manage}
        empty={passed ? t('training.certificates.emptyPassed') : t('training.certificates.empty')}
      />
    </Space>
  );
}
