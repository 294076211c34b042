/** Find a member 在册 by name, pinyin initials or the last digits of the ID number, as on the member list. */
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import type { MemberRow } from '../../src/api/types.js';
import { call } from '../api.js';

interface Props {
  value?: number;
  onChange?: (id: number, member: MemberRow | undefined) => void;
  placeholder?: string;
  id?: string;
  /** Shown before anything is typed, e.g. the member whose page this is. */
  initial?: { id: number; name: string; organizationName: string } | null;
}

export function MemberSelect({ value, onChange, placeholder, id, initial }: Props) {
  const [q, setQ] = useState('');
  const [rows, setRows] = useState<MemberRow[]>([]);
  useEffect(() => {
    if (!q.trim()) return;
    let live = true;
    const timer = setTimeout(() => {
      call('members.search', { q, statuses: ['在册'], limit: 20 }).then((page) => live && setRows(page.rows), () => undefined);
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);
  const options = rows.map((m) => ({ value: m.id, label: `${m.name}（${m.organizationName}）` }));
  if (initial && !rows.some((r) => r.id === initial.id)) options.unshift({ value: initial.id, label: `${initial.name}（${initial.organizationName}）` });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={(v: number) => onChange?.(v, rows.find((r) => r.id === v))}
      options={options}
      placeholder={placeholder}
      notFoundContent={null}
      style={{ width: '100%' }}
    />
  );
}
