import { DeleteOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { AttachmentView } from '@contracts/plan-files.ts';
import type { PlanView } from '@contracts/plans.ts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Popconfirm,
  Progress,
  Space,
  Table,
  type TableColumnsType,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError, upload } from '../../../app/api-client.ts';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { formatDateTime } from '../../../app/dates.ts';
import { errorMessage, serverFieldIssues } from '../../../app/errors.ts';
import { currentLocale } from '../../../app/i18n/index.ts';
import { useFormatNumber } from '../../../app/numbers.ts';
import { attachmentFiles, attachmentKeys, useAttachments } from '../api/files.ts';

/** A file's size the language's way: "850 B", "12 KB", vi "1,5 MB" — en "1.5 MB". */
function useFormatSize(): (bytes: number) => string {
  const fmt = useFormatNumber();
  return (bytes) => {
    if (bytes < 1024) return `${fmt(bytes)} B`;
    if (bytes < 1024 * 1024) return `${fmt(bytes / 1024, 0)} KB`;
    return `${fmt(bytes / 1024 / 1024, 1)} MB`;
  };
}

/**
 * Why a file was refused. The server names the file and what it really is ("… là tệp Word đời cũ (.doc)"),
 * in Vietnamese; an English reader gets the translated rule after the file's name.
 */
function uploadProblem(error: unknown, fileName: string): string {
  const issues = serverFieldIssues(error).map((i) => i.message);
  if (issues.length > 0) return issues.join('; ');
  const isTypeError = isApiError(error) && error.code === 'plans.attachment_type';
  if (isTypeError && currentLocale() === 'vi' && error.message) return error.message;
  return `${fileName}: ${errorMessage(error)}`;
}

/** Tệp đính kèm: the signed document, annexes, forms. */
export function AttachmentsTab({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  const formatSize = useFormatSize();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const list = useAttachments(plan.id);
  const refresh = () => queryClient.invalidateQueries({ queryKey: attachmentKeys.list(plan.id) });
  const remove = useMutation({
    mutationFn: (id: number) => api.delete<undefined>(`/plans/${plan.id}/attachments/${id}`),
    onSuccess: () => {
      message.success(t('plans.attachments.removed'));
      return refresh();
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const mayEdit = plan.can.manage;
  const send = async (file: File) => {
    setProgress(0);
    setProblem(null);
    try {
      await upload<AttachmentView>(`/plans/${plan.id}/attachments`, file, setProgress);
      message.success(t('plans.attachments.uploaded', { name: file.name }));
      await refresh();
    } catch (e) {
      setProblem(uploadProblem(e, file.name));
    } finally {
      setProgress(null);
    }
  };
  const columns: TableColumnsType<AttachmentView> = [
    {
      key: 'name',
      title: t('plans.attachments.name'),
      render: (_v, a) => (
        <a href={attachmentFiles.file(plan.id, a.id)} download={a.fileName}>
          {a.fileName}
        </a>
      ),
    },
    { key: 'size', title: t('plans.attachments.size'), width: 110, render: (_v, a) => formatSize(a.size) },
    {
      key: 'by',
      title: t('plans.attachments.uploadedBy'),
      width: 200,
      render: (_v, a) => a.uploadedByName ?? '—',
    },
    {
      key: 'at',
      title: t('plans.attachments.uploadedAt'),
      width: 160,
      render: (_v, a) => formatDateTime(a.createdAt),
    },
    {
      key: 'actions',
      width: 100,
      render: (_v, a) => (
        <Space size={4}>
          <Button
            size="small"
            icon={<DownloadOutlined />}
            href={attachmentFiles.file(plan.id, a.id)}
            download={a.fileName}
            aria-label={`${t('plans.attachments.download')} ${a.fileName}`}
          />
          {mayEdit && (
            <Popconfirm
              title={t('plans.attachments.removeConfirm', { name: a.fileName })}
              okText={t('common.remove')}
              cancelText={t('common.cancel')}
              onConfirm={() => remove.mutate(a.id)}
            >
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={`${t('common.remove')} ${a.fileName}`}
              />
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('plans.attachments.intro')}</Typography.Text>
      {mayEdit && (
        <Upload.Dragger
          multiple={false}
          showUploadList={false}
          accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.gif,.webp"
          beforeUpload={(file) => {
            void send(file);
            return false;
          }}
          disabled={progress !== null}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('plans.attachments.upload')}</p>
          <p className="ant-upload-hint">PDF, DOCX, XLSX, PNG, JPEG — ≤ 10 MB</p>
        </Upload.Dragger>
      )}
      {progress !== null && <Progress percent={progress} />}
      {problem && (
        <Alert
          type="error"
          showIcon
          title={t('plans.attachments.refused')}
          description={problem}
          closable={{ onClose: () => setProblem(null) }}
        />
      )}
      {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} />}
      <Table<AttachmentView>
        size="small"
        rowKey="id"
        pagination={false}
        loading={list.isPending}
        dataSource={list.data ?? []}
        columns={columns}
        locale={{
          emptyText: (
            <EmptyState
              text={mayEdit ? t('plans.attachments.emptyCanUpload') : t('plans.attachments.empty')}
            />
          ),
        }}
      />
    </Space>
  );
}
