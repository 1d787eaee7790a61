import { DollarOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../app/dates.ts';
import type { TrainingClass } from '../api/classes.ts';
import { ClassFormModal } from './class-form-modal.tsx';
import { PaymentModal } from './payment-modal.tsx';
import { ClassStatusTag, useMoney } from './training-labels.tsx';

/** The service agreement, class by class: price per learner × learners, what is paid and what is still due. */
export function AgreementTable({ classes, canManage }: { classes: TrainingClass[]; canManage: boolean }) {
  const { t } = useTranslation();
  const money = useMoney();
  const [editing, setEditing] = useState<TrainingClass | null>(null);
  const [paying, setPaying] = useState<TrainingClass | null>(null);
  const sum = (f: (c: TrainingClass) => number) => classes.reduce((s, c) => s + f(c), 0);
  return (
    <>
      <Table<TrainingClass>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={classes}
        scroll={{ x: 860 }}
        columns={[
          {
            key: 'code',
            className: 'nowrap',
            title: t('training.classes.code'),
            render: (_v, c) => <Link to={`/training/classes/${c.id}`}>{c.code}</Link>,
          },
          { key: 'title', title: t('training.classes.titleField'), dataIndex: 'title', responsive: ['xxl'] },
          {
            key: 'first',
            className: 'nowrap',
            title: t('training.classes.firstSession'),
            render: (_v, c) =>
              c.firstSessionAt ? formatDateTime(c.firstSessionAt) : t('training.classes.noSessions'),
          },
          {
            key: 'seats',
            className: 'nowrap',
            title: t('training.classes.seats'),
            align: 'right',
            render: (_v, c) => `${c.enrolled}/${c.capacity}`,
          },
          {
            key: 'trainers',
            title: t('training.classes.trainers'),
            align: 'right',
            render: (_v, c) => c.trainers.length,
          },
          {
            key: 'price',
            className: 'nowrap',
            title: t('training.classes.pricePerLearner'),
            align: 'right',
            render: (_v, c) => money(c.pricePerLearner),
          },
          {
            key: 'total',
            className: 'nowrap',
            title: t('training.classes.total'),
            align: 'right',
            render: (_v, c) => money(c.totalAmount),
          },
          {
            key: 'paid',
            className: 'nowrap',
            title: t('training.classes.paid'),
            align: 'right',
            render: (_v, c) => money(c.paidAmount),
          },
          {
            key: 'unpaid',
            className: 'nowrap',
            title: t('training.classes.unpaid'),
            align: 'right',
            render: (_v, c) =>
              c.unpaidAmount > 0 ? (
                <Typography.Text type="danger">{money(c.unpaidAmount)}</Typography.Text>
              ) : c.totalAmount > 0 ? (
                <Tag color="green">{t('training.classes.settled')}</Tag>
              ) : (
                // Nothing billed yet (no learners, or a free class): "paid in full" for 0 ₫ would mislead.
                <Tag>{t('training.classes.nothingBilled')}</Tag>
              ),
          },
          {
            key: 'status',
            title: t('training.classes.status'),
            render: (_v, c) => <ClassStatusTag status={c.status} />,
          },
          ...(canManage
            ? [
                {
                  key: 'edit',
                  title: '',
                  render: (_v: unknown, c: TrainingClass) =>
                    c.can.manage &&
                    c.status !== 'cancelled' && (
                      <Space size={4}>
                        {c.status !== 'completed' && (
                          <Button
                            size="small"
                            icon={<EditOutlined />}
                            aria-label={t('training.classes.editTitle', { code: c.code })}
                            onClick={() => setEditing(c)}
                          />
                        )}
                        <Button
                          size="small"
                          icon={<DollarOutlined />}
                          aria-label={t('training.classes.paymentTitle', { code: c.code })}
                          title={t('training.classes.recordPayment')}
                          onClick={() => setPaying(c)}
                        />
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3}>
              <Typography.Text strong>{t('training.classes.sum')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              {sum((c) => c.enrolled)}/{sum((c) => c.capacity)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} />
            <Table.Summary.Cell index={5} />
            <Table.Summary.Cell index={6} align="right">
              <Typography.Text strong>{money(sum((c) => c.totalAmount))}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={7} align="right">
              {money(sum((c) => c.paidAmount))}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={8} align="right">
              <Typography.Text strong type={sum((c) => c.unpaidAmount) > 0 ? 'danger' : undefined}>
                {money(sum((c) => c.unpaidAmount))}
              </Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      {editing && <ClassFormModal klass={editing} onClose={() => setEditing(null)} />}
      {paying && <PaymentModal klass={paying} onClose={() => setPaying(null)} />}
    </>
  );
}
