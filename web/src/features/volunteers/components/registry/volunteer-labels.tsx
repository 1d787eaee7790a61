import { type VolunteerStatusCode, volunteerSkills } from '@contracts/volunteers/common.ts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const statusColors: Record<VolunteerStatusCode, string> = {
  registered: 'default',
  ready: 'green',
  deployed: 'blue',
  returned: 'cyan',
  stood_down: 'purple',
  withdrawn: 'red',
};

export function StatusTag({ status }: { status: VolunteerStatusCode }) {
  const { t } = useTranslation();
  return <Tag color={statusColors[status]}>{t(`volunteers.statuses.${status}`)}</Tag>;
}

/** A skill's words in the page's language (the contracts' list). */
export function useSkillLabel() {
  const { i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'vi';
  return (code: string) => volunteerSkills[code as keyof typeof volunteerSkills]?.[lang] ?? code;
}

export function useSkillOptions() {
  const label = useSkillLabel();
  return Object.keys(volunteerSkills).map((code) => ({ value: code, label: label(code) }));
}
