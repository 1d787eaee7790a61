import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api-client.ts';
import { errorMessage } from '../../../app/errors.ts';
import { showServerIssues } from '../../../app/forms.ts';

/**
 * A training modal's save error: a version conflict (someone saved first) closes the modal and says so; field
 * issues from the server go on their fields; anything else into the modal's alert.
 */
export function useModalSaveError(
  form: FormInstance,
  conflictCode: string,
  onClose: () => void,
  setProblem: (text: string) => void,
) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  return (e: unknown) => {
    if (isApiError(e) && e.code === conflictCode) {
      onClose();
      modal.warning({ title: t('training.conflictTitle'), content: errorMessage(e) });
      return;
    }
    if (!showServerIssues(form, e)) setProblem(errorMessage(e));
  };
}
