import type { AuditEntry } from '@contracts/audit.ts';
import { Button, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditWords } from '../../../app/audit-words.ts';
import { useAuditLang } from './audit-lang.ts';

function Json({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (value === null || value === undefined)
    return <Typography.Text type="secondary">{t('audit.nothing')}</Typography.Text>;
  return <pre className="json-block">{JSON.stringify(value, null, 2)}</pre>;
}

/** Before → after per changed field, in words; the raw JSON behind a toggle ("Xem dữ liệu gốc"). */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const lang = useAuditLang();
  const [isRawShown, setRawShown] = useState(false);
  const changes = auditWords.describeChanges(lang, entry.before, entry.after);
  const absent = <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <div className="audit-changes">
      {changes.length ? (
        <div style={{ overflowX: 'auto' }}>
          <Table
            size="small"
            rowKey="field"
            pagination={false}
            dataSource={changes}
            columns={[
              { key: 'field', title: t('audit.field'), dataIndex: 'label', width: 200 },
              { key: 'before', title: t('audit.before'), render: (_v, c) => c.before ?? absent },
              { key: 'after', title: t('audit.after'), render: (_v, c) => c.after ?? absent },
            ]}
          />
        </div>
      ) : (
        <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>
      )}
      {(entry.before !== null || entry.after !== null) && (
        <>
          <Button
            type="link"
            size="small"
            onClick={() => setRawShown(!isRawShown)}
            style={{ paddingLeft: 0 }}
          >
            {isRawShown ? t('audit.hideRaw') : t('audit.showRaw')}
          </Button>
          {isRawShown && (
            <div
              style={{ display: 'grid', gap: 8, gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))' }}
            >
              <div>
                <Typography.Text strong>{t('audit.before')}</Typography.Text>
                <Json value={entry.before} />
              </div>
              <div>
                <Typography.Text strong>{t('audit.after')}</Typography.Text>
                <Json value={entry.after} />
              </div>
            </div>
          )}
        </>
      )}
    </div>
  );
}
