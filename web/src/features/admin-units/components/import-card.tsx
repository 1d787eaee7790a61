import { InboxOutlined } from '@ant-design/icons';
import type { ImportResult, ImportRowError } from '@contracts/admin-units.ts';
import { Alert, Card, Descriptions, Table, Typography, Upload, type UploadProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api-client.ts';
import { errorMessage } from '../../../app/errors.ts';
import { useImportAdminUnits } from '../api.ts';

function rowErrorsOf(error: unknown): ImportRowError[] {
  if (!isApiError(error) || error.code !== 'admin_units.import_invalid') return [];
  return (error.details as { rows?: ImportRowError[] } | null)?.rows ?? [];
}

function ImportSummary({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  return (
    <Alert type="success" showIcon title={t('adminUnits.import.summary', result)} style={{ marginTop: 16 }} />
  );
}

function RowErrors({ rows }: { rows: ImportRowError[] }) {
  const { t } = useTranslation();
  return (
    <Table<ImportRowError>
      size="small"
      style={{ marginTop: 16 }}
      rowKey={(r) => `${r.line}-${r.field}-${r.message}`}
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { key: 'line', title: t('adminUnits.import.line'), dataIndex: 'line', width: 80 },
        { key: 'field', title: t('adminUnits.import.field'), dataIndex: 'field', width: 140 },
        { key: 'message', title: t('adminUnits.import.message'), dataIndex: 'message' },
      ]}
    />
  );
}

type UploadRequest = Parameters<NonNullable<UploadProps['customRequest']>>[0];

/** Sends the file with upload progress; keeps the last result or error for display. */
function useImport() {
  const importUnits = useImportAdminUnits();
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const upload = ({ file, onProgress, onSuccess, onError }: UploadRequest) => {
    setResult(null);
    setError(null);
    importUnits.mutate(
      { file: file as Blob, onProgress: (percent) => onProgress?.({ percent }) },
      {
        onSuccess: (r) => {
          setResult(r);
          onSuccess?.(r);
        },
        onError: (e) => {
          setError(e);
          onError?.(e);
        },
      },
    );
  };
  return { upload, result, error, busy: importUnits.isPending };
}

/** Upload the official list (CSV or XLSX); bad rows come back with their line numbers. */
export function ImportCard() {
  const { t } = useTranslation();
  const { upload, result, error, busy } = useImport();
  const rows = rowErrorsOf(error);
  const columns = <code>province_code, province_name, commune_code, commune_name</code>;
  return (
    <Card title={t('adminUnits.import.title')}>
      <Typography.Paragraph type="secondary">{t('adminUnits.import.hint')}</Typography.Paragraph>
      <Descriptions
        size="small"
        column={1}
        items={[{ key: 'cols', label: t('adminUnits.import.columnsLabel'), children: columns }]}
      />
      <Upload.Dragger accept=".csv,.xlsx" maxCount={1} disabled={busy} customRequest={upload}>
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('adminUnits.import.drop')}</p>
        <p className="ant-upload-hint">{t('adminUnits.import.formats')}</p>
      </Upload.Dragger>
      {result && <ImportSummary result={result} />}
      {error !== null && (
        <Alert type="error" showIcon title={errorMessage(error)} style={{ marginTop: 16 }} />
      )}
      {rows.length > 0 && <RowErrors rows={rows} />}
    </Card>
  );
}
