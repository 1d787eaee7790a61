import type { OrgDetail } from '@contracts/orgs.ts';
import { useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api-client.ts';
import { errorMessage } from '../../../app/errors.ts';
import { showServerIssues } from '../../../app/forms.ts';
import { orgKeys, useOrgAction } from '../api.ts';

type OrgAction = Parameters<ReturnType<typeof useOrgAction>['mutate']>[0];

/**
 * Runs a change on an organisation from a modal form. Field errors go on the form; a version conflict
 * (someone else changed it first) closes the modal, says so and reloads the organisation.
 */
export function useOrgSubmit(form: FormInstance, onDone: (org: OrgDetail) => void, onAbort: () => void) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const mutation = useOrgAction();
  const submit = (action: OrgAction, successText: string) =>
    mutation.mutate(action, {
      onSuccess: (org) => {
        message.success(successText);
        onDone(org);
      },
      onError: (error) => {
        if (isApiError(error) && error.code === 'orgs.version_conflict') {
          onAbort();
          void queryClient.invalidateQueries({ queryKey: orgKeys.all });
          modal.warning({ title: t('orgs.conflictTitle'), content: errorMessage(error) });
          return;
        }
        if (!showServerIssues(form, error)) message.error(errorMessage(error));
      },
    });
  return { submit, busy: mutation.isPending };
}
