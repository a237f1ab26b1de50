import { Alert, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useErrorText } from '../errors.ts';
import { PageContainer } from '../PageContainer.tsx';

interface EditPageProps<D> {
  /** Editing (the route's :id) or creating (undefined). */
  id: string | undefined;
  /** The record being edited, as loaded. */
  record: { data: D | undefined; error: unknown };
  createTitle: string;
  /** Title while the record loads or failed to. */
  editTitle: string;
  /** Title once it is there ("编辑 …" with its name). */
  editTitleOf: (record: D) => string;
  skeletonRows?: number;
  createForm: () => ReactNode;
  editForm: (record: D) => ReactNode;
}

/**
 * The 新增 / 编辑 pages' frame: the empty form for /new; for /:id/edit the form once the record is loaded,
 * a skeleton before and the error (404 included) instead if it cannot be.
 */
export function EditPage<D>({ id, record, createTitle, editTitle, editTitleOf, skeletonRows = 8, createForm, editForm }: EditPageProps<D>) {
  const errorText = useErrorText();
  if (!id) return <PageContainer title={createTitle}>{createForm()}</PageContainer>;
  return (
    <PageContainer title={record.data ? editTitleOf(record.data) : editTitle}>
      {record.error ? (
        <Alert type="error" showIcon title={errorText(record.error)} />
      ) : !record.data ? (
        <Skeleton active paragraph={{ rows: skeletonRows }} />
      ) : (
        editForm(record.data)
      )}
    </PageContainer>
  );
}
