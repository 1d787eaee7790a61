import { Alert, Card, Col, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../../app/components/empty-state.tsx';
import { PageLoading } from '../../../../app/components/page-loading.tsx';
import { QueryError } from '../../../../app/components/query-error.tsx';
import { useMyVolunteering } from '../../api/self.ts';
import { AvailabilityCard } from '../../components/self/availability-card.tsx';
import {
  AssignmentsCard,
  ProfilesCard,
  QualificationsCard,
  ShiftsCard,
} from '../../components/self/my-volunteering-cards.tsx';

/**
 * Hoạt động tình nguyện của tôi: the signed-in person's registry entries, availability (which they edit),
 * assignments (which they confirm), shifts and certificates. Nothing of anyone else; an account linked to no
 * person, or a person no institution keeps, gets a page saying what to do.
 */
export function MyVolunteeringPage() {
  const { t } = useTranslation();
  const mine = useMyVolunteering();
  if (mine.isPending) return <PageLoading />;
  if (mine.error) return <QueryError error={mine.error} onRetry={() => mine.refetch()} />;
  const data = mine.data;
  const title = (
    <Typography.Title level={2} style={{ marginBottom: 0 }}>
      {t('volunteerSelf.mine.title')}
    </Typography.Title>
  );
  if (!data.linked || data.profiles.length === 0)
    return (
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {title}
        <Card>
          <EmptyState
            text={t(data.linked ? 'volunteerSelf.mine.noProfile' : 'volunteerSelf.mine.notLinked')}
          />
        </Card>
      </Space>
    );
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="my-volunteering">
      <div>
        {title}
        {data.fullName && <Typography.Text type="secondary">{data.fullName}</Typography.Text>}
      </div>
      <Alert
        type="info"
        showIcon
        title={<Link to="/account">{t('volunteerSelf.mine.changePassword')}</Link>}
        closable
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <ProfilesCard data={data} />
        </Col>
        <Col xs={24} lg={12}>
          <QualificationsCard data={data} />
        </Col>
        <Col xs={24}>
          <AssignmentsCard data={data} />
        </Col>
        <Col xs={24}>
          <AvailabilityCard data={data} />
        </Col>
        <Col xs={24}>
          <ShiftsCard data={data} />
        </Col>
      </Row>
    </Space>
  );
}
