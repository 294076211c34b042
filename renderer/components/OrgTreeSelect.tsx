import { TreeSelect } from 'antd';
import { useOrganizations } from '../hooks/organizations.js';

interface Props {
  value?: number | null;
  onChange?: (value: number | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  /** Organizations that may not be chosen (e.g. the one being moved and its subtree). */
  disabledIds?: Set<number>;
  style?: React.CSSProperties;
  id?: string;
}

/** Pick an organization from the tree, searchable by any part of its full name. */
export function OrgTreeSelect({ value, onChange, placeholder, allowClear, disabledIds, style, id }: Props) {
  const { tree } = useOrganizations();
  const mark = (options: typeof tree): unknown[] =>
    options.map((o) => ({ value: o.value, title: o.title, disabled: disabledIds?.has(o.value), children: mark(o.children) }));
  return (
    <TreeSelect
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v as number | undefined)}
      treeData={mark(tree) as never}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      allowClear={allowClear}
      placeholder={placeholder}
      style={{ minWidth: 260, ...style }}
      popupMatchSelectWidth={false}
    />
  );
}
