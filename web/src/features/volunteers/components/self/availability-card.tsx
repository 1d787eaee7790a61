import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { myAvailabilityBody } from '@contracts/volunteers/self.ts';
import { App, Button, Card, Form, Input, Radio, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { AppForm } from '../../../../app/components/app-form.tsx';
import { DateInput } from '../../../../app/components/date-input.tsx';
import { formatDate, fromIsoDate, toIsoDate } from '../../../../app/dates.ts';
import { errorMessage } from '../../../../app/errors.ts';
import { clearErrorsOnChange, parseWith, showServerIssues } from '../../../../app/forms.ts';
import { type MyVolunteering, useSetMyAvailability } from '../../api/self.ts';

type PeriodValues = { fromDate?: Dayjs; toDate?: Dayjs; available?: boolean; note?: string };
type Values = { ready?: boolean; periods?: PeriodValues[] };

/** The volunteer's own periods and "ready to be mobilised"; periods an officer recorded are shown, not edited. */
export function AvailabilityCard({ data }: { data: MyVolunteering }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSetMyAvailability();
  const own = data.availability.filter((a) => a.declaredBy === 'self');
  const officers = data.availability.filter((a) => a.declaredBy === 'officer');
  const onFinish = (values: Values) => {
    const body = parseWith(form, myAvailabilityBody, {
      ready: values.ready ?? false,
      periods: (values.periods ?? []).map((p) => ({
        fromDate: toIsoDate(p.fromDate),
        toDate: toIsoDate(p.toDate),
        available: p.available ?? true,
        note: p.note ?? '',
      })),
    });
    if (!body) return;
    save.mutate(body, {
      onSuccess: () => message.success(t('volunteerSelf.mine.saved')),
      onError: (e) => {
        if (!showServerIssues(form, e)) message.error(errorMessage(e));
      },
    });
  };
  return (
    <Card title={t('volunteerSelf.mine.availability')} data-testid="my-availability">
      <Typography.Paragraph type="secondary">
        {t('volunteerSelf.mine.availabilityIntro')}
      </Typography.Paragraph>
      <AppForm<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onValuesChange={clearErrorsOnChange(form)}
        initialValues={{
          ready: data.ready,
          periods: own.map((p) => ({
            fromDate: fromIsoDate(p.fromDate),
            toDate: fromIsoDate(p.toDate),
            available: p.available,
            note: p.note ?? '',
          })),
        }}
      >
        <Form.Item name="ready" label={t('volunteerSelf.mine.ready')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: true, label: t('volunteerSelf.mine.readyYes') },
              { value: false, label: t('volunteerSelf.mine.readyNo') },
            ]}
          />
        </Form.Item>
        <Form.List name="periods">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {fields.length === 0 && (
                <Typography.Text type="secondary">{t('volunteerSelf.mine.noPeriods')}</Typography.Text>
              )}
              {fields.map((f) => (
                <Space key={f.key} wrap align="start" data-testid="availability-period">
                  <Form.Item
                    name={[f.name, 'fromDate']}
                    label={t('volunteerSelf.mine.from')}
                    style={{ marginBottom: 8 }}
                  >
                    <DateInput style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'toDate']}
                    label={t('volunteerSelf.mine.to')}
                    style={{ marginBottom: 8 }}
                  >
                    <DateInput style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'available']}
                    label={t('volunteerSelf.mine.availableLabel')}
                    initialValue={true}
                    style={{ marginBottom: 8 }}
                  >
                    <Select
                      style={{ width: 150 }}
                      options={[
                        { value: true, label: t('volunteerSelf.mine.available') },
                        { value: false, label: t('volunteerSelf.mine.busy') },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'note']}
                    label={t('volunteerSelf.mine.note')}
                    style={{ marginBottom: 8 }}
                  >
                    <Input maxLength={300} style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item label=" " style={{ marginBottom: 8 }}>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t('volunteerSelf.mine.removePeriod')}
                      onClick={() => remove(f.name)}
                    />
                  </Form.Item>
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ available: true })}>
                {t('volunteerSelf.mine.addPeriod')}
              </Button>
            </Space>
          )}
        </Form.List>
        {officers.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t('volunteerSelf.mine.byOfficer')}:{' '}
            {officers
              .map(
                (a) =>
                  `${formatDate(a.fromDate)} – ${formatDate(a.toDate)}${a.available ? '' : ` (${t('volunteerSelf.mine.busy')})`}`,
              )
              .join('; ')}
          </Typography.Paragraph>
        )}
        <Button type="primary" htmlType="submit" loading={save.isPending} style={{ marginTop: 16 }}>
          {t('volunteerSelf.mine.save')}
        </Button>
      </AppForm>
    </Card>
  );
}
