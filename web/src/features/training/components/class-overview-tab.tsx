import { CheckCircleTwoTone, DollarOutlined, WarningTwoTone } from '@ant-design/icons';
import { Button, Col, Descriptions, Row, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../app/dates.ts';
import type { TrainingClass } from '../api/classes.ts';
import { PaymentModal } from './payment-modal.tsx';
import { useCourseLength, useCourseName, useMoney } from './training-labels.tsx';

export function RuleCheck({ ok, children }: { ok: boolean; children: React.ReactNode }) {
  return (
    <Space size={6}>
      {ok ? <CheckCircleTwoTone twoToneColor="#389e0d" /> : <WarningTwoTone twoToneColor="#d48806" />}
      <span>{children}</span>
    </Space>
  );
}

/** What the class is, what its course requires of it, and the service agreement. */
export function ClassOverviewTab({ c }: { c: TrainingClass }) {
  const { t } = useTranslation();
  const name = useCourseName();
  const length = useCourseLength();
  const money = useMoney();
  const [paying, setPaying] = useState(false);
  const course = c.course;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'course',
            label: t('training.classes.course'),
            children: `${name(course)} (${course.code})`,
          },
          {
            key: 'rule',
            label: t('training.courses.legalSource'),
            children: `${course.legalSource} · ${t('training.courses.inForceFrom', { from: formatDate(course.effectiveFrom) })}`,
          },
          { key: 'provider', label: t('training.classes.provider'), children: c.providerName },
          { key: 'customer', label: t('training.classes.customer'), children: c.customerName ?? '—' },
          { key: 'venue', label: t('training.classes.venue'), children: c.venue ?? '—' },
          {
            key: 'request',
            label: t('training.classes.request'),
            children: c.requestId ? (
              <Link to={`/training/requests/${c.requestId}`}>
                {t('training.requests.number', { id: c.requestId })}
              </Link>
            ) : (
              '—'
            ),
          },
          {
            key: 'hours',
            label: t('training.classes.hours'),
            children: (
              <RuleCheck ok={c.totalHours >= course.hours}>
                {t('training.classes.hoursOf', { have: c.totalHours, need: length(course) })}
              </RuleCheck>
            ),
          },
          {
            key: 'trainers',
            label: t('training.classes.trainers'),
            children: (
              <RuleCheck ok={c.trainers.length >= course.minTrainers}>
                {t('training.classes.trainersOf', { have: c.trainers.length, need: course.minTrainers })}
              </RuleCheck>
            ),
          },
          {
            key: 'size',
            label: t('training.classes.capacity'),
            children: (
              <RuleCheck ok={!course.maxLearners || c.capacity <= course.maxLearners}>
                {course.maxLearners
                  ? t('training.classes.capacityOf', { capacity: c.capacity, max: course.maxLearners })
                  : c.capacity}
              </RuleCheck>
            ),
          },
          {
            key: 'pass',
            label: t('training.courses.passMark'),
            children: t('training.results.passRule', { mark: course.passMark }),
          },
        ]}
      />
      <div>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('training.classes.agreement')}
          </Typography.Title>
          {c.can.manage && c.status !== 'cancelled' && (
            <Button icon={<DollarOutlined />} onClick={() => setPaying(true)} className="no-print">
              {t('training.classes.recordPayment')}
            </Button>
          )}
        </Space>
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Statistic title={t('training.classes.pricePerLearner')} value={money(c.pricePerLearner)} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('training.classes.totalFor', { count: c.enrolled })}
              value={money(c.totalAmount)}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('training.classes.paid')} value={money(c.paidAmount)} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('training.classes.unpaid')}
              value={money(c.unpaidAmount)}
              styles={{ content: { color: c.unpaidAmount > 0 ? '#cf1322' : '#389e0d' } }}
            />
          </Col>
        </Row>
      </div>
      {paying && <PaymentModal klass={c} onClose={() => setPaying(false)} />}
    </Space>
  );
}
