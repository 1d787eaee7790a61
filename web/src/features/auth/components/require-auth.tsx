import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { errorMessage } from '../../../app/errors.ts';
import { hasPermission, useMe } from '../api.ts';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { data: me, isPending, error, refetch } = useMe();
  if (isPending) return <Spin size="large" fullscreen />;
  if (error) {
    return (
      <Result
        status="error"
        title={errorMessage(error)}
        extra={<Button onClick={() => refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={{ next }} />;
  }
  return children;
}

export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!hasPermission(me, permission)) {
    return <Result status="403" title={t('errors.auth.forbidden')} />;
  }
  return children;
}
