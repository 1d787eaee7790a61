import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api-client.ts';
import { errorMessage } from '../../../app/errors.ts';
import { type AuditFilters, auditExportUrl, useAudit } from '../api.ts';
import { AuditFiltersBar } from '../components/audit-filters-bar.tsx';
import { useAuditLang } from '../components/audit-lang.ts';
import { AuditTable } from '../components/audit-table.tsx';

const PAGE_SIZE = 50;

/** Downloads the filtered log; a refusal (too many rows) is shown as the server's error, not a JSON page. */
async function download(url: string) {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as {
      error?: ConstructorParameters<typeof ApiError>[1];
    };
    throw new ApiError(res.status, body?.error ?? { code: 'internal', message: res.statusText });
  }
  const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await res.blob());
  link.download = name ? decodeURIComponent(name) : 'audit.xlsx';
  link.click();
  URL.revokeObjectURL(link.href);
}

export function AuditPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const lang = useAuditLang();
  // Sign-ins are kept apart: the change log opens without them ("Đăng nhập" shows them).
  const [filters, setFilters] = useState<AuditFilters>({ kind: 'changes' });
  const [page, setPage] = useState(1);
  const [isExporting, setExporting] = useState(false);
  const audit = useAudit(filters, page, PAGE_SIZE);
  const filtered = Object.entries(filters).some(([k, v]) => k !== 'kind' && v !== undefined);
  const onExport = async () => {
    setExporting(true);
    try {
      await download(auditExportUrl(filters, lang));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('audit.title')}
        </Typography.Title>
      }
      extra={
        <Button
          icon={<DownloadOutlined />}
          loading={isExporting}
          onClick={onExport}
          title={t('audit.exportHint')}
        >
          {t('audit.export')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('audit.intro')}</Typography.Paragraph>
      <AuditFiltersBar
        value={filters}
        onChange={(next) => {
          setFilters(next);
          setPage(1);
        }}
      />
      <AuditTable
        data={audit.data}
        loading={audit.isFetching}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
        filtered={filtered}
      />
    </Card>
  );
}
