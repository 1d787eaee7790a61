import { Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditFilters, useAudit } from '../api.ts';
import { AuditFiltersBar } from '../components/audit-filters-bar.tsx';
import { AuditTable } from '../components/audit-table.tsx';

const PAGE_SIZE = 50;

export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [page, setPage] = useState(1);
  const audit = useAudit(filters, page, PAGE_SIZE);
  const filtered = Object.values(filters).some((v) => v !== undefined);
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('audit.title')}
        </Typography.Title>
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
