import { Col, Row, Space } from 'antd';
import { useState } from 'react';
import { CommunesTable } from '../components/communes-table.tsx';
import { ImportCard } from '../components/import-card.tsx';
import { ProvincesTable } from '../components/provinces-table.tsx';

export function AdminUnitsPage() {
  const [provinceCode, setProvinceCode] = useState<string | undefined>();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <ImportCard />
          <ProvincesTable selected={provinceCode} onSelect={setProvinceCode} />
        </Space>
      </Col>
      <Col xs={24} xl={14}>
        <CommunesTable provinceCode={provinceCode} onClearProvince={() => setProvinceCode(undefined)} />
      </Col>
    </Row>
  );
}
