import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageLoading } from '../../../app/components/page-loading.tsx';
import { errorMessage } from '../../../app/errors.ts';
import { usePlan } from '../api/plans.ts';
import { PlanForm } from '../components/plan-form.tsx';

export function parsePlanId(raw: string | undefined): number | undefined {
  const id = Number(raw);
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

/** /plans/new and /plans/:id/edit (drafts only: an issued plan changes by amendment). */
export function PlanFormPage() {
  const { t } = useTranslation();
  const id = parsePlanId(useParams().id);
  const plan = usePlan(id);
  if (id === undefined) return <PlanForm />;
  if (plan.isPending) return <PageLoading />;
  if (plan.error) return <Alert type="error" showIcon title={errorMessage(plan.error)} />;
  if (plan.data.status !== 'draft' || !plan.data.can.manage)
    return <Alert type="warning" showIcon title={t('plans.form.draftOnly')} />;
  // Keyed by the plan, not its version: a refetch while the form is open (the save's own refresh, say) must not
  // remount it — that would drop what was typed, and the save's callbacks (message, navigation) with it.
  return <PlanForm key={plan.data.id} plan={plan.data} />;
}
