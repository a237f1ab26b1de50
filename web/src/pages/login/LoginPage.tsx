import { EnvironmentOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from '../../../../domain/auth/password-policy.ts';
import { ApiError } from '../../api/client.ts';
import { applyFieldErrors } from '../../api/form-errors.ts';
import { authApi } from '../../features/auth/api/auth.api.ts';
import { SESSION_KEY, useSessionQuery } from '../../features/auth/hooks/useSession.ts';
import { takeLoginNotice } from '../../features/auth/login-notice.ts';
import { useI18n } from '../../i18n/index.ts';
import { AppLogo } from '../../layout/HeaderBar.tsx';
import { LanguageSwitch } from '../../layout/LanguageSwitch.tsx';
import { useErrorText } from '../../shared/errors.ts';

interface LoginForm {
  username: string;
  password: string;
}

interface FromState {
  from?: { pathname?: string; search?: string };
}

export default function LoginPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const location = useLocation();
  const queryClient = useQueryClient();
  const session = useSessionQuery();
  const [form] = Form.useForm<LoginForm>();
  // Why we are here (session expired …), shown until the next attempt.
  const [notice] = useState(() => {
    const n = takeLoginNotice();
    return n ? new ApiError(401, n.code, n.message) : null;
  });
  const [failure, setFailure] = useState<unknown>(null);

  const login = useMutation({
    mutationFn: (v: LoginForm) => authApi.login(v.username.trim(), v.password),
    onSuccess: (user) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, user);
    },
    onError: (err) => {
      setFailure(err);
      applyFieldErrors(form, err);
      form.setFieldValue('password', '');
    },
  });

  if (session.data) {
    const from = (location.state as FromState | null)?.from;
    const target = from?.pathname && from.pathname !== '/login' ? `${from.pathname}${from.search ?? ''}` : '/';
    return <Navigate to={target} replace />;
  }

  const shown = failure ?? notice;
  return (
    <div className="login-page">
      <div className="login-top">
        <LanguageSwitch />
      </div>
      <main className="login-main">
        <Card className="login-card">
          <div className="login-brand">
            <AppLogo />
            <Typography.Title level={3}>{t('app.name')}</Typography.Title>
            <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
          </div>
          {shown !== null && (
            <Alert type={failure ? 'error' : 'warning'} showIcon title={errorText(shown)} style={{ marginBottom: 16 }} data-testid="login-error" />
          )}
          <Form<LoginForm>
            form={form}
            size="large"
            autoComplete="on"
            onFinish={(v) => {
              setFailure(null);
              login.mutate(v);
            }}
            data-testid="login-form"
          >
            <Form.Item name="username" rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
              <Input prefix={<UserOutlined />} placeholder={t('login.username')} autoComplete="username" autoFocus data-testid="login-username" />
            </Form.Item>
            <Form.Item name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} placeholder={t('login.password')} autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            <Form.Item style={{ marginBottom: 8 }}>
              <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
                {t('login.submit')}
              </Button>
            </Form.Item>
          </Form>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('login.hint', { max: MAX_FAILED_LOGINS, minutes: LOCKOUT_MINUTES })}
          </Typography.Text>
          <div style={{ marginTop: 12, textAlign: 'center' }}>
            <Link to="/finder" data-testid="login-finder-link">
              <EnvironmentOutlined /> {t('login.finderLink')}
            </Link>
          </div>
        </Card>
      </main>
      <footer className="login-foot">{t('login.footer')}</footer>
    </div>
  );
}
