/**
 * The member list as a virtualised table: only visible rows are in the DOM, and when the last row
 * scrolls into view the next page is fetched, so 100k members scroll as smoothly as 100.
 */
import { Alert, Button, Empty, Table, Tag, type TableColumnsType } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import type { MemberRow } from '../../src/api/types.js';
import type { useMemberList } from '../hooks/memberList.js';
import { t } from '../strings.js';

const STATUS_COLORS: Record<string, string> = { 在册: 'green', 转出: 'blue', 退休: 'default', 去世: 'default' };

/** Mounted only when the virtual list renders the final row, i.e. the user reached the end. */
function LoadMoreTrigger({ onVisible }: { onVisible: () => void }) {
  useEffect(() => onVisible(), [onVisible]);
  return <span className="muted">{t.common.loadingMore}</span>;
}

const columns: TableColumnsType<MemberRow> = [
  { title: t.member.name, dataIndex: 'name', width: 110, fixed: 'left' },
  { title: t.member.gender, dataIndex: 'gender', width: 60 },
  { title: t.member.idNumber, dataIndex: 'idNumber', width: 190 },
  { title: t.member.organization, dataIndex: 'organizationName', width: 300, ellipsis: true },
  { title: t.member.position, dataIndex: 'position', width: 100, render: (v: string | null) => v ?? t.common.none },
  { title: t.member.phone, dataIndex: 'phone', width: 140, render: (v: string | null) => v ?? t.common.none },
  { title: t.member.joinedOn, dataIndex: 'joinedOn', width: 110, render: (v: string | null) => v ?? t.common.none },
  {
    title: t.member.status,
    dataIndex: 'status',
    width: 80,
    render: (v: string) => <Tag color={STATUS_COLORS[v]}>{v}</Tag>,
  },
];

export function MemberTable({ list, height, emptyText }: { list: ReturnType<typeof useMemberList>; height: number; emptyText: string }) {
  const navigate = useNavigate();
  if (list.error) {
    return <Alert type="error" showIcon title={t.common.loadFailed} description={list.error} action={<Button onClick={() => void list.reload()}>{t.common.retry}</Button>} />;
  }
  const data: (MemberRow | { id: -1 })[] = list.hasMore ? [...list.rows, { id: -1 }] : list.rows;
  return (
    <>
      <Table<MemberRow>
        virtual
        size="small"
        rowKey="id"
        columns={columns.map((c, i) =>
          i === 0
            ? { ...c, render: (v: string, row: MemberRow) => (row.id === -1 ? <LoadMoreTrigger onVisible={list.loadMore} /> : v) }
            : c,
        )}
        dataSource={data as MemberRow[]}
        loading={list.loading && list.rows.length === 0}
        pagination={false}
        scroll={{ x: 1090, y: height }}
        locale={{ emptyText: <Empty description={emptyText} /> }}
        onRow={(row) => ({
          onClick: () => row.id !== -1 && navigate(`/members/${row.id}`),
          style: { cursor: 'pointer' },
          'data-testid': row.id === -1 ? 'member-row-more' : `member-row-${row.id}`,
        } as React.HTMLAttributes<HTMLElement>)}
      />
      <div className="muted" data-testid="member-count">{t.common.shown(list.rows.length, list.total)}</div>
    </>
  );
}
