import { App } from 'antd';
import { useCallback, useState } from 'react';
import { translate, useI18n } from '../i18n/index.ts';
import { useNotifyError } from '../shared/errors.ts';
import { ApiError, apiUrl, parseError } from './client.ts';

type QueryValue = string | number | boolean | null | undefined;

/**
 * Fetches a file from the API (cookie session) and saves it under `fileName` — a Chinese name rather
 * than whatever the URL ends in. An error answer becomes an ApiError with the server's message.
 */
export async function downloadFile(path: string, query: Record<string, QueryValue> | undefined, fileName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(apiUrl(path, query), { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', translate('error.network'));
  }
  if (!res.ok) throw await parseError(res);
  const blob = await res.blob();
  saveBlob(blob, fileName);
}

/** Saves a blob (or a data URL) as a file. */
export function saveBlob(blob: Blob | string, fileName: string): void {
  const url = typeof blob === 'string' ? blob : URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  if (typeof blob !== 'string') setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** `download(path, query, fileName)` with a pending flag, a "下载已开始" message and error toasts. */
export function useDownload(): {
  download: (path: string, query: Record<string, QueryValue> | undefined, fileName: string) => Promise<boolean>;
  pending: boolean;
} {
  const [pending, setPending] = useState(false);
  const { message } = App.useApp();
  const { t } = useI18n();
  const notifyError = useNotifyError();
  const download = useCallback(
    async (path: string, query: Record<string, QueryValue> | undefined, fileName: string) => {
      setPending(true);
      try {
        await downloadFile(path, query, fileName);
        message.success(t('common.downloadStarted', { name: fileName }));
        return true;
      } catch (err) {
        notifyError(err);
        return false;
      } finally {
        setPending(false);
      }
    },
    [message, notifyError, t],
  );
  return { download, pending };
}
