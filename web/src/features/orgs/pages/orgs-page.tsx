import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { useOrg } from '../api.ts';
import { OrgDetailPanel } from '../components/org-detail-panel.tsx';
import { OrgNavigator } from '../components/org-navigator.tsx';

function parseId(raw: string | undefined): number | undefined {
  const id = Number(raw);
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

/** /orgs/:id — the tree on the left, the selected organisation on the right; the URL holds the selection. */
export function OrgsPage() {
  const { t } = useTranslation();
  const id = parseId(useParams().id);
  const org = useOrg(id);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={9} xxl={7} className="no-print">
        <OrgNavigator selected={org.data} />
      </Col>
      <Col xs={24} lg={15} xxl={17} className="print-full">
        {id === undefined ? (
          <Card>
            <EmptyState text={t('orgs.pickOne')} />
          </Card>
        ) : (
          <OrgDetailPanel query={org} />
        )}
      </Col>
    </Row>
  );
}
