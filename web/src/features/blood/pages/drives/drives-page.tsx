import { PlusOutlined } from '@ant-design/icons';
import { driveStatuses } from '@contracts/blood/drives.ts';
import { Button, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ListCard } from '../../../../app/components/list-card.tsx';
import { ListFilters } from '../../../../app/components/list-filters.tsx';
import { ListTable } from '../../../../app/components/list-table.tsx';
import { QueryError } from '../../../../app/components/query-error.tsx';
import { formatDate } from '../../../../app/dates.ts';
import { hasPermission, useCurrentUser } from '../../../auth/api.ts';
import { type DriveListItem, useDrives } from '../../api/drives.ts';
import { DriveFormModal } from '../../components/drives/drive-form-modal.tsx';
import { DriveStatusTag, FillBar } from '../../components/drives/drive-labels.tsx';

/** /blood/drives — drives in scope: date, site, organiser, fill, status; plan a new one. */
export function DrivesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const [status, setStatus] = useState<string>();
  const drives = useDrives({ status });
  const [creating, setCreating] = useState(false);
  const canCreate = hasPermission(me, 'blood.manage');
  const create = canCreate && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      {t('bloodDrives.create')}
    </Button>
  );
  return (
    <ListCard title={t('bloodDrives.title')} intro={t('bloodDrives.intro')} actions={create || undefined}>
      <ListFilters>
        <Select
          allowClear
          value={status}
          onChange={setStatus}
          placeholder={t('bloodDrives.filterStatus')}
          aria-label={t('bloodDrives.filterStatus')}
          style={{ width: 220 }}
          options={driveStatuses.map((s) => ({ value: s, label: t(`bloodDrives.status.${s}`) }))}
        />
      </ListFilters>
      {drives.error && <QueryError error={drives.error} onRetry={() => drives.refetch()} />}
      <ListTable<DriveListItem>
        rowKey="id"
        size="middle"
        loading={drives.isFetching}
        rows={drives.data ?? []}
        scroll={{ x: 800 }}
        columns={[
          {
            key: 'date',
            title: t('bloodDrives.date'),
            width: 150,
            render: (_v, d) => (
              <>
                {formatDate(d.driveDate)}
                <br />
                {d.opensAt}–{d.closesAt}
              </>
            ),
          },
          {
            key: 'site',
            title: t('bloodDrives.drive'),
            render: (_v, d) => (
              <>
                <Link to={`/blood/drives/${d.id}`}>{d.title}</Link>
                <br />
                {d.site}
              </>
            ),
          },
          { key: 'org', title: t('bloodDrives.organiser'), render: (_v, d) => d.organiser.name },
          {
            key: 'fill',
            title: t('bloodDrives.fill'),
            width: 170,
            render: (_v, d) => <FillBar booked={d.booked} capacity={d.capacity} />,
          },
          {
            key: 'status',
            title: t('bloodDrives.statusLabel'),
            width: 150,
            render: (_v, d) => <DriveStatusTag status={d.status} />,
          },
        ]}
        empty={t('bloodDrives.empty')}
        emptyAction={create}
      />
      {creating && (
        <DriveFormModal
          onClose={() => setCreating(false)}
          onSaved={(d) => navigate(`/blood/drives/${d.id}`)}
        />
      )}
    </ListCard>
  );
}
