import type { TablePaginationConfig } from 'antd';
import { PAGE_SIZES } from '../list/list-query.ts';

/** Server-paged tables: page and size from the URL query, 10/20/50/100 rows, "共 N 条" (or the caller's text). */
export function listPagination(query: { page: number; pageSize: number }, total: number, totalText: (n: number) => string): TablePaginationConfig {
  return {
    current: query.page,
    pageSize: query.pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES,
    showTotal: totalText,
  };
}
