import { Button, Result } from 'antd';
import { useRouteError } from 'react-router';
import { useI18n } from '../i18n/index.ts';

/** Shown when a page fails to load or render (e.g. a chunk went missing after a new deployment). */
export function RouteError() {
  const error = useRouteError();
  const { t } = useI18n();
  console.warn(error);
  return (
    <Result
      status="error"
      title={t('error.pageLoad')}
      subTitle={t('error.pageLoadHint')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>
      }
    />
  );
}
