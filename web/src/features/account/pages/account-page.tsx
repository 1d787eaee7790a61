import { Col, Row } from 'antd';
import { PasswordCard } from '../components/password-card.tsx';
import { ProfileCard } from '../components/profile-card.tsx';
import { TokensCard } from '../components/tokens-card.tsx';

export function AccountPage() {
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <ProfileCard />
      </Col>
      <Col xs={24} lg={12}>
        <PasswordCard />
      </Col>
      <Col span={24}>
        <TokensCard />
      </Col>
    </Row>
  );
}
