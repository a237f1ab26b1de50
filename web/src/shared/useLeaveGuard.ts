import { App } from 'antd';
import { useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';
import { useI18n } from '../i18n/index.ts';

/**
 * Asks before leaving a page with unsaved changes (in-app navigation and closing the tab).
 * Returns `release()`: call it just before navigating away after a successful save.
 */
export function useLeaveGuard(dirty: boolean): () => void {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const released = useRef(false);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && !released.current && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: t('common.leaveTitle'),
      content: t('common.leaveConfirm'),
      okText: t('common.leave'),
      cancelText: t('common.stay'),
      okButtonProps: { danger: true },
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal, t]);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (released.current) return;
      e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  return () => {
    released.current = true;
  };
}
