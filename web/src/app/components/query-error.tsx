import { Alert, Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../api-client.ts';
import { errorMessage } from '../errors.ts';

/**
 * A failed load: 404 and 403 as full results (what it is and where to go), anything else as an alert with
 * a retry button.
 */
export function QueryError({
  error,
  onRetry,
  backTo,
}: {
  error: unknown;
  onRetry?: () => void;
  backTo?: { to: string; label: string };
}) {
  const { t } = useTranslation();
  const back = backTo && (
    <Link to={backTo.to}>
      <Button type="primary">{backTo.label}</Button>
    </Link>
  );
  if (isApiError(error) && (error.status === 404 || error.status === 403)) {
    return (
      <Result
        status={error.status === 404 ? '404' : '403'}
        title={error.status === 404 ? t('notFound.title') : t('errors.auth.forbidden')}
        subTitle={errorMessage(error)}
        extra={back}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      title={errorMessage(error)}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}
