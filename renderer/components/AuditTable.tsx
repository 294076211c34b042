/** Audit entries with their before/after values, newest first; "load earlier" pages backwards. */
import { Button, Empty, Table, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { AuditEntity, AuditEntry, AuditQuery } from '../../src/contract/audit.js';
import { call } from '../api.js';
import { useOrganizations } from '../hooks/organizations.js';
import { t } from '../strings.js';

/** The 操作记录 page's filters (who, what, when); pages showing one record's history pass entity and entityId. */
export type AuditFilter = Pick<AuditQuery, 'actor' | 'action' | 'from' | 'to'>;

interface Props {
  entity?: AuditEntity;
  entityId?: number;
  filter?: AuditFilter;
  /** Changes to this value reload the list (e.g. after an edit on the same page). */
  version?: number;
}

const PAGE = 50;

function formatValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return t.common.none;
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

const ORGANIZATION_KEYS = new Set(['organizationId', 'parentId']);

/** The fields that differ between before and after, labelled in Chinese; organization ids shown by name. */
function changedFields(entry: AuditEntry, orgName: (id: number) => string | undefined): { field: string; before: string; after: string }[] {
  const show = (key: string, v: unknown) => (ORGANIZATION_KEYS.has(key) && typeof v === 'number' ? (orgName(v) ?? formatValue(v)) : formatValue(v));
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  if (typeof before !== 'object' || Array.isArray(before)) return [];
  return Object.keys({ ...before, ...after })
    .filter((k) => t.fields[k] && JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => ({ field: t.fields[k]!, before: show(k, before[k]), after: show(k, after[k]) }));
}

const columns: TableColumnsType<AuditEntry> = [
  { title: t.audit.at, dataIndex: 'at', width: 170, render: (v: string) => new Date(v).toLocaleString('zh-CN', { hour12: false }) },
  { title: t.audit.actor, dataIndex: 'actor', width: 110 },
  { title: t.audit.entity, dataIndex: 'entity', width: 80, render: (v: AuditEntity) => t.audit.entities[v] },
  { title: t.audit.action, dataIndex: 'actionLabel', width: 90 },
  { title: t.audit.summary, dataIndex: 'summary' },
];

export function AuditTable({ entity, entityId, filter, version }: Props) {
  const [rows, setRows] = useState<AuditEntry[]>([]);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const { byId } = useOrganizations();
  const orgName = (id: number) => byId.get(id)?.fullName;
  const filterKey = JSON.stringify(filter ?? {});
  const load = useCallback(
    async (beforeId?: number) => {
      setLoading(true);
      try {
        const page = await call('audit.list', { ...(JSON.parse(filterKey) as AuditFilter), entity, entityId, beforeId, limit: PAGE });
        setRows((prev) => (beforeId ? [...prev, ...page] : page));
        setMore(page.length === PAGE);
      } finally {
        setLoading(false);
      }
    },
    [entity, entityId, filterKey],
  );
  useEffect(() => {
    void load();
  }, [load, version]);
  return (
    <div data-testid="audit-table">
      <Table<AuditEntry>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        locale={{ emptyText: <Empty description={t.audit.empty} /> }}
        expandable={{
          rowExpandable: (r) => changedFields(r, orgName).length > 0,
          expandedRowRender: (r) => (
            <Table
              size="small"
              rowKey="field"
              pagination={false}
              dataSource={changedFields(r, orgName)}
              columns={[
                { title: t.audit.field, dataIndex: 'field', width: 140 },
                { title: t.audit.before, dataIndex: 'before' },
                { title: t.audit.after, dataIndex: 'after' },
              ]}
            />
          ),
        }}
      />
      {more && (
        <Button type="link" onClick={() => void load(rows[rows.length - 1]?.id)}>
          {t.audit.more}
        </Button>
      )}
    </div>
  );
}
