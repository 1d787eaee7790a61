import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { RosterResult } from '@contracts/people.ts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Progress, Space, Tabs, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/errors.ts';
import { peopleKeys } from '../../people/api.ts';
import type { TrainingClass } from '../api/classes.ts';
import { type RosterPhase, rosterFiles, uploadRoster } from '../api/enrolment.ts';
import { trainingKeys } from '../api/shared.ts';
import { translateRosterMessage } from './roster-messages.ts';
import {
  IssuesTable,
  issuesOf,
  type Preview,
  PreviewSummary,
  peopleToWrite,
  RowsTable,
} from './roster-preview.tsx';

type Commit = Extract<RosterResult, { mode: 'commit' }>;
type Stage = 'pick' | 'sending' | 'preview' | 'committing' | 'done';

/**
 * Nhập danh sách học viên từ Excel: upload (with progress) → preview with every row's errors, nothing saved →
 * commit, which writes every row or none.
 */
export function RosterImportModal({ c, onClose }: { c: TrainingClass; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [stage, setStage] = useState<Stage>('pick');
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState(0);
  const [phase, setPhase] = useState<RosterPhase | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [done, setDone] = useState<Commit | null>(null);
  const [error, setError] = useState<unknown>(null);
  const send = async (f: File, mode: 'preview' | 'commit') => {
    setError(null);
    setPercent(0);
    setPhase(null);
    setStage(mode === 'preview' ? 'sending' : 'committing');
    try {
      const result = await uploadRoster(c.id, f, mode, setPercent, setPhase);
      if (result.mode === 'preview') {
        setPreview(result);
        setStage('preview');
      } else {
        setDone(result);
        setStage('done');
        // The class's learners, seats and waitlist, and the person registry, all changed.
        void queryClient.invalidateQueries({ queryKey: trainingKeys.all });
        void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
        message.success(t('training.roster.committed', { count: result.enrolled.length }));
      }
    } catch (e) {
      setError(e);
      setStage(mode === 'preview' ? 'pick' : 'preview');
    }
  };
  const busy = stage === 'sending' || stage === 'committing';
  const errorIssues = issuesOf(error);
  const pick = (
    <Upload.Dragger
      accept=".xlsx"
      multiple={false}
      showUploadList={false}
      disabled={busy}
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
      <p className="ant-upload-text">{t('training.roster.drop')}</p>
      <p className="ant-upload-hint">{t('training.roster.dropHint')}</p>
    </Upload.Dragger>
  );
  const footer =
    stage === 'done' ? (
      <Button type="primary" onClick={onClose}>
        {t('training.roster.close')}
      </Button>
    ) : (
      <Space>
        <Button onClick={onClose} disabled={stage === 'committing'}>
          {t('common.cancel')}
        </Button>
        {preview && file && (
          <Button
            type="primary"
            disabled={preview.invalid > 0 || peopleToWrite(preview) === 0 || busy}
            loading={stage === 'committing'}
            onClick={() => void send(file, 'commit')}
          >
            {t('training.roster.commit', { count: peopleToWrite(preview) })}
          </Button>
        )}
      </Space>
    );
  return (
    <Modal
      open
      width={900}
      title={t('training.roster.title', { code: c.code })}
      onCancel={busy ? undefined : onClose}
      mask={{ closable: false }}
      footer={footer}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('training.roster.hint')}{' '}
          <a href={rosterFiles.template()} download>
            <DownloadOutlined /> {t('training.learners.template')}
          </a>
        </Typography.Paragraph>
        {stage !== 'done' && pick}
        {file && stage !== 'done' && (
          <Typography.Text type="secondary">
            {t('training.roster.fileChosen', { name: file.name })}
          </Typography.Text>
        )}
        {busy && (
          <Space orientation="vertical" style={{ width: '100%' }} aria-live="polite">
            {/* First the upload, then the server's own phases: reading, checking N rows, writing done/total, enrolling. */}
            <Progress
              percent={
                phase?.phase === 'write' && phase.total
                  ? Math.round(((phase.done ?? 0) / phase.total) * 100)
                  : percent
              }
              status="active"
              aria-label={t('training.roster.progressLabel')}
            />
            <Typography.Text type="secondary">
              {percent < 100 || !phase
                ? t('training.roster.uploading')
                : t(`training.roster.phases.${phase.phase}`, {
                    done: phase.done ?? 0,
                    total: phase.total ?? 0,
                  })}
            </Typography.Text>
          </Space>
        )}
        {error !== null && (
          <Alert
            type="error"
            showIcon
            title={errorIssues.length ? translateRosterMessage(errorMessage(error)) : errorMessage(error)}
            description={errorIssues.length ? t('training.roster.nothingSaved') : undefined}
          />
        )}
        {errorIssues.length > 0 && <IssuesTable issues={errorIssues} />}
        {preview && stage !== 'done' && (
          <>
            <PreviewSummary p={preview} />
            <Tabs
              items={[
                ...(preview.issues.length
                  ? [
                      {
                        key: 'issues',
                        label: t('training.roster.issuesTab', { count: preview.issues.length }),
                        children: <IssuesTable issues={preview.issues} />,
                      },
                    ]
                  : []),
                {
                  key: 'rows',
                  label: t('training.roster.rowsTab', { count: preview.total }),
                  children: <RowsTable rows={preview.rows} />,
                },
              ]}
            />
          </>
        )}
        {done && (
          <Alert
            type="success"
            showIcon
            title={t('training.roster.committedTitle', { total: done.total })}
            description={t('training.roster.committedText', {
              enrolled: done.enrolled.length,
              waitlisted: done.waitlisted.length,
              already: done.alreadyIn.length,
              created: done.created,
              linked: done.linked,
            })}
          />
        )}
      </Space>
    </Modal>
  );
}
