import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppForm } from '../../../app/components/app-form.tsx';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { NumberField } from '../../../app/components/number-field.tsx';
import { QueryError } from '../../../app/components/query-error.tsx';
import { formatDate } from '../../../app/dates.ts';
import { useDebouncedValue } from '../../../app/hooks/use-debounced-value.ts';
import { hasPermission, useCurrentUser } from '../../auth/api.ts';
import { useCourses } from '../api/catalogue.ts';
import { type Compliance, useCompliance } from '../api/compliance.ts';
import { DueTable } from '../components/compliance-due-table.tsx';
import { FirstAiders, UnitsTable } from '../components/compliance-first-aiders.tsx';
import { MyOrgSelect } from '../components/org-choice.tsx';
import { ReportCard } from '../components/report-card.tsx';
import { RequestFormModal } from '../components/request-form-modal.tsx';
import { WorkforceModal } from '../components/workforce-modal.tsx';

type Due = Compliance['due'][number];

/** /training/compliance — an enterprise: who must be (re)trained soon, and its first-aiders against TT 19/2016. */
export function CompliancePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const courses = useCourses();
  const [orgId, setOrgId] = useState<number | undefined>(me.isSystemAdmin ? undefined : me.grants[0]?.orgId);
  const [headcount, setHeadcount] = useState<number | null>(null);
  const [strict, setStrict] = useState(false);
  const [days, setDays] = useState<number | null>(60);
  const [course, setCourse] = useState<string>('all');
  const [dialog, setDialog] = useState<'declare' | 'request' | null>(null);
  const typedHeadcount = useDebouncedValue(headcount, 300);
  const typedDays = useDebouncedValue(days, 300);
  const q = {
    headcount: typedHeadcount ?? undefined,
    strict: strict ? ('true' as const) : undefined,
    days: typedDays ?? 60,
  };
  const data = useCompliance(orgId, q);
  const c = data.data;
  const codes = [...new Set((c?.due ?? []).map((d) => d.courseCode))];
  const [reason, setReason] = useState<Due['reason'] | 'all'>('all');
  const ofCourse = (c?.due ?? []).filter((d) => course === 'all' || d.courseCode === course);
  const shown = ofCourse.filter((d) => reason === 'all' || d.reason === reason);
  const canAct = hasPermission(me, 'report.write') || hasPermission(me, 'training.manage');
  // A request is for one course: the one chosen above, or the only one due.
  const target = course === 'all' ? (codes.length === 1 ? codes[0] : undefined) : course;
  const targetCount = shown.filter((d) => d.courseCode === target).length;
  const requestCourse = courses.data?.find((x) => x.code === target);
  return (
    <ReportCard
      title={t('training.compliance.title')}
      intro={t('training.compliance.intro')}
      dialogs={
        <>
          {dialog === 'declare' && orgId && (
            <WorkforceModal orgId={orgId} current={c?.firstAiders} onClose={() => setDialog(null)} />
          )}
          {dialog === 'request' && (
            <RequestFormModal
              onClose={() => setDialog(null)}
              initial={{
                requesterOrgId: orgId,
                courseTypeId: requestCourse?.id,
                learners: targetCount,
              }}
            />
          )}
        </>
      }
    >
      <AppForm layout="inline" className="no-print">
        <Form.Item label={t('training.compliance.enterprise')}>
          <MyOrgSelect value={orgId} onChange={setOrgId} style={{ width: 340 }} />
        </Form.Item>
        <Form.Item label={t('training.compliance.days')}>
          <NumberField
            min={1}
            max={366}
            isInteger
            value={days}
            onChange={(v) => setDays(Number.isNaN(v) ? null : v)}
            style={{ width: 90 }}
            aria-label={t('training.compliance.days')}
          />
        </Form.Item>
        <Form.Item label={t('training.compliance.whatIf')} tooltip={t('training.compliance.whatIfHint')}>
          <NumberField
            min={0}
            isInteger
            value={headcount}
            onChange={(v) => setHeadcount(Number.isNaN(v) ? null : v)}
            placeholder={c ? String(c.firstAiders.headcount) : undefined}
            style={{ width: 110 }}
            aria-label={t('training.compliance.whatIf')}
          />
        </Form.Item>
        <Form.Item>
          <Checkbox checked={strict} onChange={(e) => setStrict(e.target.checked)}>
            {t('training.compliance.strict')}
          </Checkbox>
        </Form.Item>
      </AppForm>
      {!orgId && <EmptyState text={t('training.compliance.pickOrg')} />}
      {data.error && <QueryError error={data.error} onRetry={() => data.refetch()} />}
      {c && (
        <>
          <div className="print-only">
            <Typography.Title level={5}>
              {c.orgName} —{' '}
              {t('training.compliance.printTitle', { from: formatDate(c.today), to: formatDate(c.until) })}
            </Typography.Title>
          </div>
          <FirstAiders f={c.firstAiders} onDeclare={canAct ? () => setDialog('declare') : undefined} />
          {c.units.length > 1 && <UnitsTable units={c.units} />}
          <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('training.compliance.dueTitle', { count: c.due.length, until: formatDate(c.until) })}
            </Typography.Title>
            {canAct && target && targetCount > 0 && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                className="no-print"
                onClick={() => setDialog('request')}
              >
                {t('training.compliance.requestFor', { count: targetCount, code: target })}
              </Button>
            )}
            {canAct && !target && codes.length > 1 && (
              <Typography.Text type="secondary" className="no-print">
                {t('training.compliance.pickCourseToRequest')}
              </Typography.Text>
            )}
          </Space>
          <Space wrap className="no-print">
            {codes.length > 1 && (
              <Segmented
                className="no-print"
                value={course}
                onChange={(v) => setCourse(String(v))}
                options={[
                  { value: 'all', label: t('training.compliance.allCourses', { count: c.due.length }) },
                  ...codes.map((code) => ({
                    value: code,
                    label: `${code} (${c.due.filter((d) => d.courseCode === code).length})`,
                  })),
                ]}
              />
            )}
            <Segmented
              value={reason}
              onChange={(v) => setReason(v as Due['reason'] | 'all')}
              options={[
                { value: 'all', label: t('training.compliance.allReasons') },
                ...(['expiring', 'expired', 'never_trained'] as const).map((r) => ({
                  value: r,
                  label: `${t(`training.compliance.reasons.${r}`)} (${ofCourse.filter((d) => d.reason === r).length})`,
                })),
              ]}
            />
          </Space>
          <DueTable rows={shown} loading={data.isFetching} days={q.days} hasUnits={c.units.length > 1} />
        </>
      )}
    </ReportCard>
  );
}
