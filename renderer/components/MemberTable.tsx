import { Tag, type TableColumnsType } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { MemberRow } from '../../src/contract/members.js';
import type { PagedList } from '../hooks/pagedList.js';
import { t } from '../strings.js';
import { VirtualTable } from './VirtualTable.js';

const STATUS_COLORS: Record<string, string> = { 在册: 'green', 转出: 'blue', 退休: 'default', 去世: 'default' };
const or = (v: string | null) => v ?? t.common.none;

const columns: TableColumnsType<MemberRow> = [
  { title: t.member.name, dataIndex: 'name', width: 110, fixed: 'left' },
  { title: t.member.gender, dataIndex: 'gender', width: 60 },
  { title: t.member.idNumber, dataIndex: 'idNumber', width: 190 },
  { title: t.member.organization, dataIndex: 'organizationName', width: 300, ellipsis: true },
  { title: t.member.position, dataIndex: 'position', width: 100, render: or },
  { title: t.member.phone, dataIndex: 'phone', width: 140, render: or },
  { title: t.member.joinedOn, dataIndex: 'joinedOn', width: 110, render: or },
  { title: t.member.status, dataIndex: 'status', width: 80, render: (v: string) => <Tag color={STATUS_COLORS[v]}>{v}</Tag> },
];

export function MemberTable({ list, height, emptyText }: { list: PagedList<'members.search'>; height: number; emptyText: string }) {
  const navigate = useNavigate();
  return (
    <VirtualTable<MemberRow>
      list={list}
      columns={columns}
      height={height}
      width={1090}
      emptyText={emptyText}
      onOpen={(row) => navigate(`/members/${row.id}`)}
      testId="member-row"
    />
  );
}
