/** What a preview found, row by row: the counts, then each listed row with its problems and how to fix them. */
import { Space, Table, Tag } from 'antd';
import type { ImportOutcome, RowOutcome } from '../../src/contract/importOutcome.js';
import { t } from '../strings.js';

const COLORS: Record<string, string> = { add: 'green', update: 'blue', unchanged: 'default', skip: 'default', refused: 'red' };

/** One table row per problem (a row with three problems shows three lines), so each column and fix is readable. */
function lines(rows: RowOutcome[]) {
  return rows.flatMap((r) =>
    (r.problems.length ? r.problems : [null]).map((p, i) => ({ key: `${r.row}-${i}`, row: r.row, action: r.action, label: r.label, first: i === 0, ...(p ?? { column: '', problem: '', suggestion: '' }) })),
  );
}

export function ImportCounts({ outcome }: { outcome: ImportOutcome }) {
  return (
    <Space wrap data-testid="import-counts">
      {(['rows', 'add', 'update', 'unchanged', 'skip', 'refused'] as const).map((k) => (
        <Tag key={k} color={k === 'rows' ? undefined : COLORS[k]}>
          {t.imports.counts[k]} {outcome.counts[k].toLocaleString('zh-CN')}
        </Tag>
      ))}
    </Space>
  );
}

export function ImportRows({ outcome }: { outcome: ImportOutcome }) {
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {!outcome.listedAll && <div className="muted">{t.imports.listedPart(outcome.rows.length, outcome.counts.rows)}</div>}
      <Table
        size="small"
        data-testid="import-rows"
        dataSource={lines(outcome.rows)}
        pagination={{ pageSize: 50, showTotal: t.common.total }}
        columns={[
          { title: t.imports.row, dataIndex: 'row', width: 70, render: (v: number, l) => (l.first ? v : '') },
          { title: t.imports.action, dataIndex: 'action', width: 80, render: (v: string, l) => (l.first ? <Tag color={COLORS[v]}>{t.imports.actions[v]}</Tag> : '') },
          { title: t.imports.label, dataIndex: 'label', width: 180, render: (v: string, l) => (l.first ? v : '') },
          { title: t.imports.problemColumn, dataIndex: 'column', width: 130 },
          { title: t.imports.problem, dataIndex: 'problem' },
          { title: t.imports.suggestion, dataIndex: 'suggestion' },
        ]}
      />
    </Space>
  );
}
