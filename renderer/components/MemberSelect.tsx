/** Find members 在册 by name, pinyin initials or the last digits of the ID number, as on the member list. */
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import type { MemberRow } from '../../src/contract/members.js';
import { call } from '../api.js';

interface Known {
  id: number;
  name: string;
  organizationName: string;
}

interface Common {
  placeholder?: string;
  id?: string;
  /** Members to label before anything is typed (the member whose page this is, or those already chosen). */
  initial?: Known[];
}

type Props =
  | (Common & { multiple?: false; value?: number; onChange?: (id: number, member: MemberRow | undefined) => void })
  | (Common & { multiple: true; value?: number[]; onChange?: (ids: number[]) => void });

export function MemberSelect(props: Props) {
  const [q, setQ] = useState('');
  const [rows, setRows] = useState<MemberRow[]>([]);
  // Labels of every member seen, so chosen ones keep their names when the search changes.
  const [seen, setSeen] = useState<Known[]>([]);
  useEffect(() => {
    if (!q.trim()) return;
    let live = true;
    const timer = setTimeout(() => {
      call('members.search', { q, statuses: ['在册'], limit: 20 }).then((page) => {
        if (!live) return;
        setSeen((prev) => [...prev, ...page.rows]);
        setRows(page.rows);
      }, () => undefined);
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);
  const chosen = props.value === undefined ? [] : Array.isArray(props.value) ? props.value : [props.value];
  const ids = [...new Set([...chosen, ...rows.map((r) => r.id)])];
  const known = new Map([...(props.initial ?? []), ...seen].map((k) => [k.id, k]));
  const options = ids.flatMap((id) => {
    const m = known.get(id);
    return m ? [{ value: id, label: `${m.name}（${m.organizationName}）` }] : [];
  });
  const common = { id: props.id, options, placeholder: props.placeholder, notFoundContent: null, style: { width: '100%' }, showSearch: { filterOption: false, onSearch: setQ } };
  if (props.multiple) {
    return <Select {...common} mode="multiple" value={props.value} onChange={(v: number[]) => props.onChange?.(v)} />;
  }
  return <Select {...common} value={props.value} onChange={(v: number) => props.onChange?.(v, rows.find((r) => r.id === v))} />;
}
