import type { VolunteerStatusCode } from '@contracts/volunteers/common.ts';
import { volunteerSkills } from '@contracts/volunteers/common.ts';
import type { WaveStatusCode } from '@contracts/volunteers/waves.ts';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../app/dates.ts';
import type { Member } from './waves-api.ts';

const statusColor: Record<WaveStatusCode, string> = {
  draft: 'default',
  open: 'processing',
  filled: 'blue',
  deployed: 'green',
  closed: 'default',
  stood_down: 'red',
};

export function WaveStatusTag({ status }: { status: WaveStatusCode }) {
  const { t } = useTranslation();
  return <Tag color={statusColor[status]}>{t(`waves.status.${status}`)}</Tag>;
}

/** A skill's words in the reader's language (the code when unknown). */
export function useSkillName(): (code: string | null | undefined) => string {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return (code) => {
    if (!code) return '—';
    const words = (volunteerSkills as Record<string, { vi: string; en: string }>)[code];
    return words ? words[lang] : code;
  };
}

export const skillOptions = (name: (c: string) => string) =>
  Object.keys(volunteerSkills).map((code) => ({ value: code, label: name(code) }));

type Reason = Member['reasons'][number];

/** A refusal reason in the reader's language, dates as dd/mm/yyyy. */
export function useReasonText(): (r: Reason) => string {
  const { t } = useTranslation();
  const skill = useSkillName();
  return (r) =>
    t(`waves.reasons.${r.code}`, {
      waveTitle: r.waveTitle,
      from: formatDate(r.from),
      to: formatDate(r.to),
      courseName: r.courseName,
      skill: skill(r.skill),
      expiredOn: formatDate(r.expiredOn),
      // The volunteer's status in words ("Đang được điều động"), never its code.
      status: r.status ? t(`volunteers.statuses.${r.status as VolunteerStatusCode}`) : '',
    });
}

export function ReasonList({ reasons }: { reasons: Reason[] }) {
  const text = useReasonText();
  if (reasons.length === 0) return null;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {reasons.map((r) => (
        <li key={`${r.code}-${r.courseTypeId ?? r.assignmentId ?? r.from ?? ''}`}>
          <Typography.Text type="danger">{text(r)}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}
