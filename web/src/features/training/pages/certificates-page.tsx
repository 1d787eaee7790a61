import { certificateStatus } from '@contracts/certificates.ts';
import { Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListCard } from '../../../app/components/list-card.tsx';
import { ListFilters, SearchBox } from '../../../app/components/list-filters.tsx';
import { serverPager } from '../../../app/components/list-table.tsx';
import { QueryError } from '../../../app/components/query-error.tsx';
import { useDebouncedValue } from '../../../app/hooks/use-debounced-value.ts';
import { hasPermission, useCurrentUser } from '../../auth/api.ts';
import { OrgPicker } from '../../orgs/components/org-picker.tsx';

import { type Certificate, useCertificates } from '../api/certificates.ts';
import { CertificatesTable } from '../components/certificates-table.tsx';

/**
 * /training/certificates — certificates the user's organisations issued or their workers hold: find, open, verify,
 * and (the issuer's managers) revoke or reissue.
 */
export function CertificatesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [text, setText] = useState('');
  const [status, setStatus] = useState<Certificate['status']>();
  const [orgId, setOrgId] = useState<number>();
  const [page, setPage] = useState(1);
  const q = useDebouncedValue(text.trim(), 300);
  // The server searches a certificate number (exact or its beginning) or the holder's name without diacritics.
  const list = useCertificates({ q: q || undefined, status, orgId, page, pageSize: 50 });
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const filtered = q !== '' || status !== undefined || orgId !== undefined;
  return (
    <ListCard title={t('training.certificates.title')} intro={t('training.certificates.intro')}>
      <ListFilters>
        <SearchBox
          value={text}
          onChange={(v) => {
            setText(v);
            setPage(1);
          }}
          placeholder={t('training.certificates.searchPlaceholder')}
          label={t('training.certificates.searchLabel')}
          width={360}
        />
        <Select<Certificate['status']>
          allowClear
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          placeholder={t('training.certificates.allStates')}
          aria-label={t('training.certificates.state')}
          style={{ width: 180 }}
          options={certificateStatus.options.map((s) => ({
            value: s,
            label: t(`training.certificateState.${s}`),
          }))}
        />
        <OrgPicker
          value={orgId}
          onChange={(v) => {
            setOrgId(v);
            setPage(1);
          }}
          placeholder={t('training.certificates.orgFilter')}
          style={{ width: 300 }}
        />
        {list.data && (
          <Typography.Text type="secondary">
            {t('training.certificates.count', { count: total })}
          </Typography.Text>
        )}
      </ListFilters>

      {list.error && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      <CertificatesTable
        rows={items}
        loading={list.isFetching}
        canManage={hasPermission(me, 'training.manage')}
        showClass
        empty={filtered ? t('training.certificates.emptyFiltered') : t('training.certificates.emptyAll')}
        pagination={total > 50 && serverPager(page, 50, total, setPage)}
      />
    </ListCard>
  );
}
