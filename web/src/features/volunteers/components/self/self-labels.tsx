import { type VolunteerSkill, volunteerSkills } from '@contracts/volunteers/common.ts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** A skill code's words in the reader's language (the contracts' list), the code itself when unknown. */
export function useSkillLabel() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return (code: string) => volunteerSkills[code as VolunteerSkill]?.[lang] ?? code;
}

export const skillOptions = (label: (code: string) => string) =>
  Object.keys(volunteerSkills).map((code) => ({ value: code, label: label(code) }));

const statusColor: Record<string, string> = {
  registered: 'default',
  ready: 'green',
  deployed: 'blue',
  returned: 'purple',
  stood_down: 'orange',
  withdrawn: 'red',
};

export function ProfileStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  const key = `volunteerSelf.status.${status}` as 'volunteerSelf.status.ready';
  return <Tag color={statusColor[status] ?? 'default'}>{t(key)}</Tag>;
}

const assignmentColor: Record<string, string> = {
  assigned: 'blue',
  deployed: 'green',
  returned: 'purple',
  ended_early: 'orange',
  cancelled: 'red',
};

export function AssignmentStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  const key = `volunteerSelf.assignmentStatus.${status}` as 'volunteerSelf.assignmentStatus.assigned';
  return <Tag color={assignmentColor[status] ?? 'default'}>{t(key)}</Tag>;
}
