import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { setSessionsBody } from '@contracts/training.ts';
import { Alert, App, Button, Form, Input, Space, Table, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppForm } from '../../../app/components/app-form.tsx';
import { DateInput } from '../../../app/components/date-input.tsx';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { isRefusedNumber, NumberField } from '../../../app/components/number-field.tsx';
import { formatDate } from '../../../app/dates.ts';
import { errorMessage, serverFieldIssues } from '../../../app/errors.ts';
import { clearErrorsOnChange, showFieldIssues } from '../../../app/forms.ts';
import { zodIssueText } from '../../../app/i18n/field-issues.ts';
import { useFormatNumber } from '../../../app/numbers.ts';
import { type Session, type TrainingClass, useClassChange } from '../api/classes.ts';
import { RuleCheck } from './class-overview-tab.tsx';
import { useCourseLength } from './training-labels.tsx';

type Row = { date?: Dayjs; from?: Dayjs; to?: Dayjs; hours?: number | null; topic?: string; venue?: string };
type Values = { sessions: Row[] };

const TIME = 'HH:mm';

function toRow(s: Session): Row {
  const start = dayjs(s.startsAt);
  return {
    date: start.startOf('day'),
    from: start,
    to: dayjs(s.endsAt),
    hours: s.hours,
    topic: s.topic ?? undefined,
    venue: s.venue ?? undefined,
  };
}

/** Day + clock time → an ISO instant with the browser's offset (the people entering it are in Vietnam). */
function at(date: Dayjs | undefined, time: Dayjs | undefined): string | undefined {
  if (!date || !time) return undefined;
  return date.hour(time.hour()).minute(time.minute()).second(0).millisecond(0).format();
}

function spanHours(from?: Dayjs, to?: Dayjs): number | undefined {
  if (!from || !to) return undefined;
  const minutes = to.hour() * 60 + to.minute() - (from.hour() * 60 + from.minute());
  return minutes > 0 ? Math.round((minutes / 60) * 4) / 4 : undefined;
}

/** The API names a session's instants; the form has a date and two clock times. */
function rename(issues: { path: (string | number)[]; message: string }[]) {
  return issues.map((i) => ({
    ...i,
    path: i.path.map((p) => (p === 'startsAt' ? 'from' : p === 'endsAt' ? 'to' : p)),
  }));
}

function SessionsView({ c }: { c: TrainingClass }) {
  const { t } = useTranslation();
  const fmt = useFormatNumber();
  return (
    <Table<Session>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={c.sessions}
      locale={{ emptyText: <EmptyState text={t('training.sessions.emptyViewer')} /> }}
      columns={[
        { key: 'i', title: '#', width: 48, render: (_v, _s, i) => i + 1 },
        { key: 'date', title: t('training.sessions.date'), render: (_v, s) => formatDate(s.startsAt) },
        {
          key: 'time',
          title: t('training.sessions.time'),
          render: (_v, s) => `${dayjs(s.startsAt).format(TIME)} – ${dayjs(s.endsAt).format(TIME)}`,
        },
        {
          key: 'hours',
          title: t('training.sessions.hours'),
          align: 'right',
          render: (_v, s) => fmt(s.hours),
        },
        { key: 'topic', title: t('training.sessions.topic'), render: (_v, s) => s.topic ?? '—' },
        { key: 'venue', title: t('training.sessions.venue'), render: (_v, s) => s.venue ?? c.venue ?? '—' },
      ]}
    />
  );
}

/** Buổi học: dates, hours and venue; replaced as a whole, refused when a trainer or learner would be double-booked. */
export function SessionsTab({ c }: { c: TrainingClass }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const length = useCourseLength();
  const fmt = useFormatNumber();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const change = useClassChange();
  const rows = Form.useWatch('sessions', form) ?? [];
  // A refused hours text (NaN) counts for nothing until it is fixed; its field says why.
  const total = rows.reduce((s, r) => s + (r?.hours == null || isRefusedNumber(r.hours) ? 0 : r.hours), 0);
  const editable = c.can.manage && c.status !== 'completed' && c.status !== 'cancelled';
  const header = (
    <RuleCheck ok={(editable ? total : c.totalHours) >= c.course.hours}>
      {t('training.classes.hoursOf', { have: fmt(editable ? total : c.totalHours), need: length(c.course) })}
    </RuleCheck>
  );
  if (!editable)
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {header}
        <SessionsView c={c} />
      </Space>
    );

  const onFinish = (v: Values) => {
    setProblem(null);
    const body = {
      sessions: (v.sessions ?? []).map((r) => ({
        startsAt: at(r.date, r.from),
        endsAt: at(r.date, r.to),
        hours: r.hours ?? undefined,
        topic: r.topic,
        venue: r.venue,
      })),
    };
    const missing = (v.sessions ?? []).flatMap((r, i) =>
      (['date', 'from', 'to'] as const)
        .filter((k) => !r?.[k])
        .map((k) => ({ path: ['sessions', i, k], message: t('validation.required') })),
    );
    if (missing.length) {
      showFieldIssues(form, missing);
      return;
    }
    const parsed = setSessionsBody.safeParse(body);
    if (!parsed.success) {
      // Hours refused by their field (NaN) already say why under it.
      const isRefused = (path: PropertyKey[]) =>
        path[2] === 'hours' && isRefusedNumber(v.sessions?.[Number(path[1])]?.hours);
      const issues = rename(
        parsed.error.issues
          .filter((i) => !isRefused(i.path))
          .map((i) => ({
            path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
            message: zodIssueText(i),
          })),
      );
      const orphans = showFieldIssues(form, issues);
      if (orphans.length) setProblem(orphans.map((o) => o.message).join('; '));
      return;
    }
    change.mutate(
      { kind: 'sessions', id: c.id, body: parsed.data },
      {
        onSuccess: () => message.success(t('training.sessions.saved')),
        onError: (e) => {
          const issues = rename(serverFieldIssues(e));
          const orphans = issues.length ? showFieldIssues(form, issues) : [];
          if (issues.length === 0) setProblem(errorMessage(e));
          else if (orphans.length) setProblem(orphans.map((o) => o.message).join('; '));
        },
      },
    );
  };

  const addRow = (add: (r: Row) => void) => {
    const last = rows[rows.length - 1];
    add(
      last?.date
        ? { ...last, date: last.date.add(1, 'day') }
        : {
            date: dayjs().add(7, 'day').startOf('day'),
            from: dayjs().hour(8).minute(0),
            to: dayjs().hour(12).minute(0),
            hours: 4,
            venue: c.venue ?? undefined,
          },
    );
  };

  return (
    <AppForm<Values>
      form={form}
      layout="vertical"
      initialValues={{ sessions: c.sessions.map(toRow) }}
      onFinish={onFinish}
      onValuesChange={(changed: Partial<Values>, all: Values) => {
        clearErrorsOnChange(form)(changed);
        // Hours follow the clock times unless the person typed their own.
        changed.sessions?.forEach((r, i) => {
          if (r && (r.from || r.to) && !('hours' in r)) {
            const h = spanHours(all.sessions[i]?.from, all.sessions[i]?.to);
            if (h !== undefined) form.setFieldValue(['sessions', i, 'hours'], h);
          }
        });
      }}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('training.sessions.intro')}</Typography.Paragraph>
        {header}
        {problem && (
          <Alert
            type="error"
            showIcon
            title={problem}
            description={/trùng giờ|overlap/i.test(problem) ? t('training.sessions.overlapHint') : undefined}
          />
        )}
        <Form.List name="sessions">
          {(fields, { add, remove }) => (
            <>
              {fields.length === 0 && <EmptyState text={t('training.sessions.empty')} />}
              {fields.map((f, i) => (
                <Space key={f.key} wrap align="start" className="session-row">
                  <Typography.Text strong style={{ display: 'inline-block', width: 24, paddingTop: 34 }}>
                    {i + 1}
                  </Typography.Text>
                  <Form.Item name={[f.name, 'date']} label={t('training.sessions.date')}>
                    <DateInput style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'from']} label={t('training.sessions.from')}>
                    <TimePicker format={TIME} minuteStep={5} needConfirm={false} style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'to']} label={t('training.sessions.to')}>
                    <TimePicker format={TIME} minuteStep={5} needConfirm={false} style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'hours']} label={t('training.sessions.hours')}>
                    <NumberField min={0.25} max={24} style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'topic']} label={t('training.sessions.topic')}>
                    <Input maxLength={300} style={{ width: 220 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'venue']} label={t('training.sessions.venue')}>
                    <Input maxLength={300} style={{ width: 220 }} placeholder={c.venue ?? undefined} />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('training.sessions.remove', { n: i + 1 })}
                    onClick={() => remove(f.name)}
                    style={{ marginTop: 30 }}
                  />
                </Space>
              ))}
              <Space>
                <Button icon={<PlusOutlined />} onClick={() => addRow(add)}>
                  {t('training.sessions.add')}
                </Button>
                <Button type="primary" htmlType="submit" loading={change.isPending}>
                  {t('training.sessions.save')}
                </Button>
              </Space>
            </>
          )}
        </Form.List>
      </Space>
    </AppForm>
  );
}
