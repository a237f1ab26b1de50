import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Space } from 'antd';
import type { Rule } from 'antd/es/form';
import { useNavigate } from 'react-router';
import { checkPasswordPolicy, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordClasses } from '../../../../domain/auth/password-policy.ts';
import { applyFieldErrors } from '../../api/form-errors.ts';
import { authApi } from '../../features/auth/api/auth.api.ts';
import { SESSION_KEY, useCurrentUser } from '../../features/auth/hooks/useSession.ts';
import { type TFunction, useI18n } from '../../i18n/index.ts';
import { useErrorText } from '../../shared/errors.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';

interface PasswordForm {
  oldPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** The server's policy (domain/auth/password-policy.ts), with the message in the current language. */
function policyMessage(pw: string, username: string, lang: string, t: TFunction): string | null {
  const problem = checkPasswordPolicy(pw, username);
  if (!problem || lang === 'zh-CN') return problem;
  if (pw.length < PASSWORD_MIN_LENGTH) return t('password.tooShort', { min: PASSWORD_MIN_LENGTH });
  if (pw.length > PASSWORD_MAX_LENGTH) return t('password.tooLong', { max: PASSWORD_MAX_LENGTH });
  if (passwordClasses(pw) < 3) return t('password.classes');
  return t('password.containsUsername');
}

export default function ChangePasswordPage() {
  const user = useCurrentUser();
  const { t, lang } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PasswordForm>();

  const change = useMutation({
    mutationFn: (v: PasswordForm) => authApi.changePassword(v.oldPassword, v.newPassword),
    onSuccess: async () => {
      message.success(t('password.changed'));
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      navigate('/', { replace: true });
    },
    onError: (err) => {
      const { shown } = applyFieldErrors(form, err);
      if (!shown.length) message.error(errorText(err));
    },
  });

  const newPasswordRules: Rule[] = [
    { required: true, message: t('password.newRequired') },
    {
      validator: async (_r, value: string | undefined) => {
        if (!value) return;
        const problem = policyMessage(value, user.username, lang, t);
        if (problem) throw new Error(problem);
        if (value === form.getFieldValue('oldPassword')) throw new Error(t('password.sameAsOld'));
      },
    },
  ];

  const forced = user.mustChangePassword;
  const passwordCard = (
    <Card style={{ maxWidth: 560, margin: forced ? '24px auto 0' : undefined }} title={forced ? t('header.changePassword') : undefined}>
      {user.mustChangePassword && <Alert type="warning" showIcon title={t('password.forced')} style={{ marginBottom: 20 }} data-testid="password-forced" />}
      <Form<PasswordForm> form={form} layout="vertical" requiredMark onFinish={(v) => change.mutate(v)} autoComplete="off">
        <Form.Item name="oldPassword" label={t('password.old')} rules={[{ required: true, message: t('password.oldRequired') }]}>
          <Input.Password autoComplete="current-password" data-testid="password-old" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          rules={newPasswordRules}
          extra={t('password.policy', { min: PASSWORD_MIN_LENGTH })}
          dependencies={['oldPassword']}
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: async (_r, value: string | undefined) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error(t('password.mismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-submit">
            {t('password.submit')}
          </Button>
          {!user.mustChangePassword && <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>}
        </Space>
      </Form>
    </Card>
  );
  // During a required change there is no menu: the form stands alone in the middle.
  if (forced) return passwordCard;
  return (
    <PageContainer title={t('header.changePassword')} subTitle={user.username}>
      {passwordCard}
    </PageContainer>
  );
}
