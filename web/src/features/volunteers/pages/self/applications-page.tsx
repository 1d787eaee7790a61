import { Card, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus } from '../../api/self.ts';
import { ApplicationsTable } from '../../components/self/applications-table.tsx';
import { SignupLinksCard } from '../../components/self/signup-links-card.tsx';

/** Đăng ký tình nguyện: the sign-ups to decide (pending first) and the links that bring them. */
export function ApplicationsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ApplicationStatus>('pending');
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={t('volunteerSelf.applications.title')}
        extra={
          <Segmented<ApplicationStatus>
            value={status}
            onChange={setStatus}
            options={(['pending', 'approved', 'rejected'] as const).map((s) => ({
              value: s,
              label: t(`volunteerSelf.applications.${s}`),
            }))}
          />
        }
      >
        <Typography.Paragraph type="secondary">{t('volunteerSelf.applications.intro')}</Typography.Paragraph>
        <ApplicationsTable status={status} />
      </Card>
      <SignupLinksCard />
    </Space>
  );
}
