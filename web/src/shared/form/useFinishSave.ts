import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useNavigate } from 'react-router';

interface FinishSaveOptions<D> {
  saved: D;
  /**
   * The module's query keys: the record's entry is filled with what the server answered (its page shows it at
   * once); the rest (lists) are marked stale and refetch when next shown.
   */
  keys: { all: QueryKey; detail: (id: string) => QueryKey };
  /** Queries to refetch now (e.g. coverage figures that follow the record). */
  alsoRefresh?: QueryKey[];
  /** 已保存 / 已新增「…」. */
  done: string;
  /** The leave guard's release (useLeaveGuard): saved work is not "unsaved changes". */
  release: () => void;
  /** The record's page. */
  to: string;
}

/** What every record form does once the server accepted it: update the caches, say so, go to the record. */
export function useFinishSave() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  return async <D extends { id: string }>({ saved, keys, alsoRefresh = [], done, release, to }: FinishSaveOptions<D>) => {
    queryClient.setQueryData(keys.detail(saved.id), saved);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.all, refetchType: 'none' }),
      ...alsoRefresh.map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    ]);
    message.success(done);
    release();
    navigate(to);
  };
}
