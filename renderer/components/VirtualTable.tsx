/**
 * A virtualised table over a paged list: only visible rows are in the DOM, and when the last row scrolls
 * into view the next page is fetched, so 100k rows scroll as smoothly as 100.
 */
import { Alert, Button, Empty, Table, type TableColumnsType } from 'antd';
import { useEffect } from 'react';
import { t } from '../strings.js';

interface ListState<R> {
  rows: R[];
  total: number;
  loading: boolean;
  error: string | null;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => Promise<void> | void;
}

/** Mounted only when the virtual list renders the final row, i.e. the user reached the end. */
function LoadMoreTrigger({ onVisible }: { onVisible: () => void }) {
  useEffect(() => onVisible(), [onVisible]);
  return <span className="muted">{t.common.loadingMore}</span>;
}

const MORE = -1;

interface Props<R extends { id: number }> {
  list: ListState<R>;
  columns: TableColumnsType<R>;
  height: number;
  width: number;
  emptyText: string;
  onOpen: (row: R) => void;
  testId: string;
}

export function VirtualTable<R extends { id: number }>({ list, columns, height, width, emptyText, onOpen, testId }: Props<R>) {
  if (list.error) {
    return (
      <Alert type="error" showIcon title={t.common.loadFailed} description={list.error} action={<Button onClick={() => void list.reload()}>{t.common.retry}</Button>} />
    );
  }
  const data = (list.hasMore ? [...list.rows, { id: MORE }] : list.rows) as R[];
  const withTrigger = columns.map((c, i) =>
    i === 0
      ? { ...c, render: (v: unknown, row: R, index: number) => (row.id === MORE ? <LoadMoreTrigger onVisible={list.loadMore} /> : c.render ? c.render(v, row, index) : (v as React.ReactNode)) }
      : c,
  );
  return (
    <>
      <Table<R>
        virtual
        size="small"
        rowKey="id"
        columns={withTrigger}
        dataSource={data}
        loading={list.loading && list.rows.length === 0}
        pagination={false}
        scroll={{ x: width, y: height }}
        locale={{ emptyText: <Empty description={emptyText} /> }}
        onRow={(row) =>
          ({
            onClick: () => row.id !== MORE && onOpen(row),
            style: { cursor: 'pointer' },
            'data-testid': row.id === MORE ? `${testId}-more` : `${testId}-${row.id}`,
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
      <div className="muted" data-testid={`${testId}-count`}>
        {t.common.shown(list.rows.length, list.total)}
      </div>
    </>
  );
}
