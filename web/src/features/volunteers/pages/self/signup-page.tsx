import { Button, Card, Result, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LanguageSwitch } from '../../../../app/shell/language-switch.tsx';
import { usePublicSignup } from '../../api/self.ts';
import { SignupForm } from '../../components/self/signup-form.tsx';

/**
 * The public sign-up page behind an institution's link (no sign-in, no shell; made for a phone): the institution's
 * name, the form with the consent wording, and what happens next. An unknown, expired or closed link says so.
 */
export function SignupPage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  const link = usePublicSignup(token);
  const [done, setDone] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const body = () => {
    if (link.isPending) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
    if (link.error)
      return (
        <Result
          status="warning"
          title={t('volunteerSelf.signup.heading')}
          subTitle={t('volunteerSelf.signup.notFound')}
        />
      );
    if (done)
      return (
        <Result
          status="success"
          title={t('volunteerSelf.signup.doneTitle')}
          subTitle={t('volunteerSelf.signup.done', { name: done })}
          extra={
            <Button
              onClick={() => {
                setDone(null);
                setRound((r) => r + 1);
              }}
            >
              {t('volunteerSelf.signup.another')}
            </Button>
          }
        />
      );
    return (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <div>
          <Typography.Title level={3} style={{ marginBottom: 4 }} data-testid="signup-institution">
            {t('volunteerSelf.signup.for', { name: link.data.institutionName })}
          </Typography.Title>
          {link.data.title && <Typography.Text strong>{link.data.title}</Typography.Text>}
        </div>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('volunteerSelf.signup.intro')}
        </Typography.Paragraph>
        <SignupForm
          key={round}
          token={token}
          consentVersion={link.data.consentVersion}
          onDone={() => setDone(link.data.institutionName)}
        />
      </Space>
    );
  };
  return (
    <main
      style={{
        minHeight: '100vh',
        padding: '16px 12px',
        background: 'linear-gradient(135deg, #fff5f5 0%, #f5f5f5 60%)',
      }}
    >
      <Card style={{ maxWidth: 560, margin: '0 auto' }} styles={{ body: { padding: 16 } }}>
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
          <Space>
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <Typography.Text strong>Chung Tay</Typography.Text>
          </Space>
          <LanguageSwitch />
        </Space>
        {body()}
      </Card>
    </main>
  );
}
