import { Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { usePrinting } from '../hooks/use-printing.ts';
import { EmptyState } from './empty-state.tsx';

type ListTableProps<T> = Omit<TableProps<T>, 'dataSource' | 'pagination' | 'locale'> & {
  /** Every row the server returned; the table pages through them itself. */
  rows: readonly T[];
  /** Rows a page; a list no longer than this shows no pager. */
  pageSize?: number;
  /** What an empty list says (an EmptyState); Ant Design's own empty text when left out. */
  empty?: ReactNode;
  /** The next step offered under the empty text. */
  emptyAction?: ReactNode;
};

/**
 * A list page's table, beside `ListCard`: it pages the rows on screen (past `pageSize`), says what to do when
 * there are none, and prints every row — the pager goes while the browser prints.
 */
export function ListTable<T extends object>({
  rows,
  pageSize = 50,
  empty,
  emptyAction,
  ...table
}: ListTableProps<T>) {
  const printing = usePrinting();
  return (
    <Table<T>
      {...table}
      dataSource={rows as T[]}
      pagination={!printing && rows.length > pageSize ? { pageSize, showSizeChanger: false } : false}
      locale={
        empty === undefined ? undefined : { emptyText: <EmptyState text={empty} action={emptyAction} /> }
      }
    />
  );
}

/**
 * The pager of a list the server pages: the page shown, its size and the server's total; the size is the
 * page's own, never the reader's choice.
 */
export function serverPager(page: number, pageSize: number, total: number, onPage: (page: number) => void) {
  return { current: page, pageSize, total, onChange: onPage, showSizeChanger: false };
}
