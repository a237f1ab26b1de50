import { App } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '../api/client.ts';
import { isMessageKey, useI18n } from '../i18n/index.ts';

/**
 * The text to show for an error. The server's messages are Chinese and specific, so zh-CN shows
 * them as they are; English shows a translation of the error code where one exists.
 */
export function useErrorText(): (error: unknown) => string {
  const { lang, t } = useI18n();
  return useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiError)) return t('error.generic');
      if (lang === 'zh-CN') return error.message;
      const key = `error.code.${error.code}`;
      if (error.code === 'ACCOUNT_LOCKED') {
        const minutes = (error.details as { retryAfterMinutes?: number } | undefined)?.retryAfterMinutes;
        return t('error.code.ACCOUNT_LOCKED', { minutes: minutes ?? 15 });
      }
      if (isMessageKey(key)) return t(key);
      return error.message;
    },
    [lang, t],
  );
}

/** Shows an error as a message toast, unless it was already handled globally (session lost …). */
export function useNotifyError(): (error: unknown) => void {
  const { message } = App.useApp();
  const text = useErrorText();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.handled) return;
      message.error(text(error));
    },
    [message, text],
  );
}
