import type { DonationKindCode } from '@contracts/blood/common.ts';
import { bloodGroupLabel } from '@contracts/blood/common.ts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../app/dates.ts';
import type { Donor, Refusal } from './donors-api.ts';

/** The group as offices write it ("O Rh−"); nothing when the caller may not read it. */
export function GroupTag({ donor }: { donor: Pick<Donor, 'abo' | 'rh' | 'healthVisible'> }) {
  const { t } = useTranslation();
  if (!donor.healthVisible) return null;
  if (!donor.abo) return <Tag>{t('bloodDonors.tags.unknown')}</Tag>;
  return <Tag color={donor.rh === 'neg' ? 'volcano' : 'red'}>{bloodGroupLabel(donor.abo, donor.rh)}</Tag>;
}

/** "Can donate today" or the next date — or that no date can be given. */
export function EligibilityTag({ donor }: { donor: Pick<Donor, 'eligibleToday' | 'nextEligibleOn'> }) {
  const { t } = useTranslation();
  if (donor.eligibleToday) return <Tag color="green">{t('bloodDonors.tags.eligible')}</Tag>;
  if (donor.nextEligibleOn)
    return <Tag color="gold">{t('bloodDonors.tags.from', { date: formatDate(donor.nextEligibleOn) })}</Tag>;
  return <Tag>{t('bloodDonors.tags.never')}</Tag>;
}

const plainCodes = [
  'age_under',
  'age_over',
  'age_unknown',
  'weight_low',
  'weight_unknown',
  'apheresis_weight',
  'deferred',
  'deferred_permanent',
  'health',
] as const;

/** A refusal in the reader's language, from its code and dates (the API also gives the Vietnamese words). */
export function useRefusalText(): (r: Refusal) => string {
  const { t } = useTranslation();
  return (r) => {
    const until = r.until ? formatDate(r.until) : '';
    if (r.code === 'interval' && r.days !== null && r.lastKind && r.lastOn) {
      const span =
        r.days % 7 === 0
          ? t('bloodDonors.refusals.weeks', { count: r.days / 7 })
          : t('bloodDonors.refusals.days', { count: r.days });
      return t('bloodDonors.refusals.interval', {
        until,
        span,
        kind: t(`bloodDonors.kindInSentence.${r.lastKind as DonationKindCode}`),
        lastOn: formatDate(r.lastOn),
      });
    }
    if (!(plainCodes as readonly string[]).includes(r.code)) return r.words;
    return t(`bloodDonors.refusals.${r.code as (typeof plainCodes)[number]}`, {
      until,
      minKg: r.minKg ?? '',
    });
  };
}
