/** What changed in a submission against the same organization's previous one: accounts added, closed, changed, gone. */
import { Empty, Modal, Table, Tabs } from 'antd';
import type { AccountChange, SubmissionDiff } from '../../src/contract/consolidation.js';
import { t } from '../strings.js';

const s = t.consolidation;

const COLUMNS = [
  { title: s.organization, dataIndex: 'organizationName', ellipsis: true },
  { title: s.owner, dataIndex: 'ownerName', width: 90 },
  { title: s.platform, dataIndex: 'platform', width: 100 },
  { title: s.account, dataIndex: 'displayName', ellipsis: true },
  { title: s.before, dataIndex: 'before', width: 90, render: (v: string | null) => v ?? t.common.none },
  { title: s.after, dataIndex: 'after', width: 90, render: (v: string | null) => v ?? t.common.none },
];

function ChangeTable({ rows }: { rows: AccountChange[] }) {
  return (
    <Table
      size="small"
      rowKey="ref"
      columns={COLUMNS}
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      locale={{ emptyText: <Empty description={s.noChange} /> }}
    />
  );
}

export function DiffTabs({ diff }: { diff: SubmissionDiff }) {
  const tabs = (['added', 'closed', 'stateChanged', 'removed'] as const).map((key) => ({
    key,
    label: `${s[key]}（${diff[key].length}）`,
    children: <ChangeTable rows={diff[key]} />,
  }));
  return (
    <>
      <div className="muted">{diff.previous ? s.diffAgainst(diff.previous.period, s.at(diff.previous.importedAt)) : s.firstSubmission}</div>
      {diff.previous && <Tabs items={tabs} data-testid="diff-tabs" />}
    </>
  );
}

export function SubmissionDiffModal({ diff, onClose }: { diff: SubmissionDiff | null; onClose: () => void }) {
  return (
    <Modal open={diff !== null} title={s.diffTitle} footer={null} onCancel={onClose} width={900}>
      {diff && <DiffTabs diff={diff} />}
    </Modal>
  );
}
