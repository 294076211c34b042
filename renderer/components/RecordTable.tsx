/** The plain list every register page uses: compact, paged by 50 with a total, a Chinese empty state, rows that open. */
import { Empty, Table, type TableProps } from 'antd';
import { t } from '../strings.js';

interface Props<R> extends Omit<TableProps<R>, 'dataSource' | 'locale'> {
  rows: R[] | null | undefined;
  emptyText: string;
  onOpen?: (row: R) => void;
  /** Short lists (on a profile) show everything without paging. */
  paged?: boolean;
}

export function RecordTable<R extends object>({ rows, emptyText, onOpen, paged = true, ...rest }: Props<R>) {
  return (
    <Table<R>
      size="small"
      rowKey="id"
      dataSource={rows ?? []}
      pagination={paged ? { pageSize: 50, showTotal: t.common.total } : false}
      onRow={onOpen ? (r) => ({ onClick: () => onOpen(r), style: { cursor: 'pointer' } }) : undefined}
      locale={{ emptyText: <Empty description={emptyText} image={paged ? undefined : Empty.PRESENTED_IMAGE_SIMPLE} /> }}
      {...rest}
    />
  );
}
