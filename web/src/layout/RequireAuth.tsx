import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSessionQuery } from '../features/auth/hooks/useSession.ts';
import { useI18n } from '../i18n/index.ts';
import { useErrorText } from '../shared/errors.ts';

export function FullPageSpin() {
  return (
    <div className="full-page-center">
      <Spin size="large" />
    </div>
  );
}

/** Children only for a signed-in user; others go to /login (and come back after), a forced password change goes first. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: user, isPending, error, refetch } = useSessionQuery();
  const location = useLocation();
  const { t } = useI18n();
  const errorText = useErrorText();
  if (isPending) return <FullPageSpin />;
  if (error) {
    return (
      <Result
        status="error"
        title={t('error.sessionLoad')}
        subTitle={errorText(error)}
        extra={
          <Button type="primary" onClick={() => refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!user) return <Navigate to="/login" replace state={{ from: { pathname: location.pathname, search: location.search } }} />;
  if (user.mustChangePassword && location.pathname !== '/account/password') return <Navigate to="/account/password" replace />;
  return children;
}
