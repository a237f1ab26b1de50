import type { PagedTableState } from '../list/usePagedList.ts';

/** The props every list table (人才, 阵地, 社工机构, 社区社会组织) takes from its page; tables add their own. */
export interface ListTableBaseProps<R, Q> extends PagedTableState<R, Q> {
  canManage: boolean;
  onDelete: (r: R) => void;
  onCreate: () => void;
  onImport?: () => void;
}
