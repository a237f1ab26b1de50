import { App, type ButtonProps } from 'antd';
import type { ReactNode } from 'react';
import { type TFunction, useI18n } from '../i18n/index.ts';
import { useNotifyError } from './errors.ts';

export interface ConfirmDeleteOptions {
  title: ReactNode;
  content: ReactNode;
  /** Shown when the delete went through. */
  done: string;
  /** The delete itself; a failure is shown and the dialog closes. */
  remove: () => Promise<unknown>;
  /** After the success message: refresh lists, leave the page. */
  after?: () => unknown;
}

/**
 * The one 删除 confirmation every list and detail page uses: a danger 删除 button the browser tests find as
 * `confirm-ok`, a success message, and errors shown the usual way.
 */
export function useConfirmDelete(): (options: ConfirmDeleteOptions) => void {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const notifyError = useNotifyError();
  return ({ title, content, done, remove, after }) => {
    modal.confirm({
      title,
      content,
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' } as ButtonProps,
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await remove();
          message.success(done);
          await after?.();
        } catch (err) {
          notifyError(err);
        }
      },
    });
  };
}

/** The records whose messages follow `${entity}.deleteTitle` / `.deleteConfirm` / `.deleted`, each with {name}. */
export type DeletableEntity = 'talent' | 'platform' | 'agency' | 'group';

/** The usual wording of deleting one named record (override `content` where it needs more). */
export function deleteTexts(t: TFunction, entity: DeletableEntity, name: string): Pick<ConfirmDeleteOptions, 'title' | 'content' | 'done'> {
  return { title: t(`${entity}.deleteTitle`, { name }), content: t(`${entity}.deleteConfirm`), done: t(`${entity}.deleted`, { name }) };
}
