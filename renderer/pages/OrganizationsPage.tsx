import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Input, Space, Tree } from 'antd';
import { useMemo, useState } from 'react';
import type { OrganizationNode } from '../../src/contract/organizations.js';
import { call } from '../api.js';
import { MemberFilters } from '../components/MemberFilters.js';
import { MemberFormModal } from '../components/MemberFormModal.js';
import { MemberTable } from '../components/MemberTable.js';
import { MoveOrganizationModal, OrganizationFormModal } from '../components/OrganizationModals.js';
import { usePagedList, type PagedQuery } from '../hooks/pagedList.js';
import { useOrganizations, type TreeOption } from '../hooks/organizations.js';
import { useTableHeight } from '../hooks/useTableHeight.js';
import { Can } from '../hooks/operator.js';
import { t } from '../strings.js';

type Dialog = 'create' | 'createRoot' | 'edit' | 'move' | 'addMember' | null;

function filterTree(options: TreeOption[], text: string): TreeOption[] {
  if (!text) return options;
  return options.flatMap((o) => {
    const children = filterTree(o.children, text);
    return o.title.includes(text) || children.length ? [{ ...o, children }] : [];
  });
}

function OrganizationMembers({ org }: { org: OrganizationNode }) {
  const [query, setQuery] = useState<PagedQuery<'members.search'>>({ statuses: ['在册'] });
  const list = usePagedList('members.search', { ...query, organizationId: org.id, includeSubtree: true });
  const height = useTableHeight(520, 200);
  return (
    <Card title={t.org.membersOf(org.fullName)} size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <MemberFilters query={query} onChange={setQuery} showOrganization={false} />
        <MemberTable list={list} height={height} emptyText={t.member.empty} />
      </Space>
    </Card>
  );
}

export function OrganizationsPage() {
  const { tree, byId, nodes, reload, loading } = useOrganizations();
  const { message, modal } = App.useApp();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [filter, setFilter] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const selected = selectedId === null ? (nodes[0] ?? null) : (byId.get(selectedId) ?? null);
  const shown = useMemo(() => filterTree(tree, filter), [tree, filter]);
  const siblings = selected ? nodes.filter((n) => n.parentId === selected.parentId) : [];
  const position = selected ? siblings.findIndex((n) => n.id === selected.id) : -1;

  const afterChange = async (focus?: number) => {
    setDialog(null);
    await reload();
    if (focus !== undefined) setSelectedId(focus);
  };
  const reorder = async (delta: number) => {
    if (!selected) return;
    const ids = siblings.map((s) => s.id);
    [ids[position], ids[position + delta]] = [ids[position + delta]!, ids[position]!];
    try {
      await call('organizations.reorder', { parentId: selected.parentId, orderedIds: ids });
      await reload();
    } catch (err) {
      void message.error((err as Error).message);
    }
  };
  const remove = () => {
    if (!selected) return;
    modal.confirm({
      title: t.org.remove,
      content: t.org.removeConfirm(selected.fullName),
      okType: 'danger',
      okText: t.common.delete,
      onOk: async () => {
        try {
          await call('organizations.remove', { id: selected.id });
          void message.success(t.org.removed);
          setSelectedId(selected.parentId);
          await reload();
        } catch (err) {
          void message.error((err as Error).message);
        }
      },
    });
  };

  return (
    <div className="page">
      <div className="toolbar">
        <h2 className="page-title">{t.nav.organizations}</h2>
        <Can call="organizations.create"><Button icon={<PlusOutlined />} onClick={() => setDialog('createRoot')} style={{ marginLeft: 'auto' }}>
          {t.org.newRoot}
        </Button></Can>
      </div>
      {!loading && nodes.length === 0 ? (
        <Empty description={t.org.empty}>
          <Can call="organizations.create"><Button type="primary" onClick={() => setDialog('createRoot')}>{t.org.newRoot}</Button></Can>
        </Empty>
      ) : (
        <div className="split">
          <Card size="small" title={t.org.tree} className="split-side" styles={{ body: { display: 'flex', flexDirection: 'column', minHeight: 0, flex: 1 } }}>
            <Input.Search allowClear placeholder={t.org.searchTree} onChange={(e) => setFilter(e.target.value.trim())} style={{ marginBottom: 8 }} />
            <div className="tree-scroll" data-testid="org-tree">
              <Tree
                treeData={shown as never}
                defaultExpandAll
                key={filter + nodes.length}
                selectedKeys={selected ? [selected.id] : []}
                onSelect={(keys) => keys[0] !== undefined && setSelectedId(Number(keys[0]))}
                titleRender={(o) => {
                  const node = (o as unknown as TreeOption).node;
                  return (
                    <span>
                      {node.fullName} <span className="muted">({node.subtreeActiveMembers})</span>
                    </span>
                  );
                }}
              />
            </div>
          </Card>
          <div className="split-main">
            {selected ? (
              <>
                <Card
                  size="small"
                  title={selected.fullName}
                  extra={
                    <Space wrap>
                      <Can call="organizations.create"><Button type="primary" onClick={() => setDialog('create')}>{t.org.newChild}</Button></Can>
                      <Can call="members.create"><Button onClick={() => setDialog('addMember')}>{t.member.add}</Button></Can>
                      <Can call="organizations.update"><Button onClick={() => setDialog('edit')}>{t.common.edit}</Button></Can>
                      <Can call="organizations.move"><Button onClick={() => setDialog('move')}>{t.org.move}</Button></Can>
                      <Button icon={<ArrowUpOutlined />} disabled={position <= 0} onClick={() => void reorder(-1)} aria-label={t.org.moveUp} />
                      <Button icon={<ArrowDownOutlined />} disabled={position < 0 || position >= siblings.length - 1} onClick={() => void reorder(1)} aria-label={t.org.moveDown} />
                      <Can call="organizations.remove"><Button danger onClick={remove}>{t.common.delete}</Button></Can>
                    </Space>
                  }
                >
                  <Descriptions
                    size="small"
                    column={3}
                    items={[
                      { label: t.org.code, children: selected.code },
                      { label: t.org.type, children: selected.type },
                      { label: t.org.activeMembers, children: `${selected.activeMembers}（${t.org.subtreeMembers(selected.subtreeActiveMembers)}）` },
                      { label: t.org.secretary, children: selected.secretary ?? t.common.none },
                      { label: t.org.contactPhone, children: selected.contactPhone ?? t.common.none },
                      { label: t.org.partyCode, children: selected.partyCode ?? t.common.none },
                      { label: t.org.shortName, children: selected.shortName ?? t.common.none },
                    ]}
                  />
                </Card>
                <OrganizationMembers key={selected.id} org={selected} />
              </>
            ) : (
              <Empty description={t.org.pickOne} />
            )}
          </div>
        </div>
      )}
      <OrganizationFormModal
        open={dialog === 'create' || dialog === 'createRoot' || dialog === 'edit'}
        editing={dialog === 'edit' ? selected : null}
        parentId={dialog === 'create' ? (selected?.id ?? null) : null}
        onClose={() => setDialog(null)}
        onSaved={(org) => void afterChange(org.id)}
      />
      {selected && (
        <MoveOrganizationModal open={dialog === 'move'} organization={selected} onClose={() => setDialog(null)} onMoved={() => void afterChange(selected.id)} />
      )}
      <MemberFormModal
        open={dialog === 'addMember'}
        defaultOrganizationId={selected?.id}
        onClose={() => setDialog(null)}
        onSaved={() => void afterChange(selected?.id)}
      />
    </div>
  );
}
