/** 报备审核: filings waiting for the organization, reviewed one by one or accepted together with one opinion. */
import { Button, DatePicker, Form, Input, Modal, Segmented, Space, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { FilingQueueRow } from '../../src/contract/filings.js';
import { call } from '../api.js';
import { ReviewFilingModal } from '../components/FilingModals.js';
import { OrgTreeSelect } from '../components/OrgTreeSelect.js';
import { useCall } from '../hooks/useCall.js';
import { useFormSubmit } from '../hooks/useFormSubmit.js';
import { RecordTable } from '../components/RecordTable.js';
import { t } from '../strings.js';

function BulkAcceptModal({ ids, open, onClose, onDone }: { ids: number[]; open: boolean; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ reviewedOn: dayjs.Dayjs; opinion?: string }>();
  const { busy, submit } = useFormSubmit(
    form,
    (v) => call('filings.bulkAccept', { ids, reviewedOn: v.reviewedOn.format('YYYY-MM-DD'), opinion: v.opinion ?? null }),
    t.filingReview.bulkDone(ids.length),
    onDone,
  );
  return (
    <Modal open={open} title={t.filingReview.bulkTitle(ids.length)} onOk={submit} onCancel={onClose} confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ reviewedOn: dayjs() }}>
        <Form.Item name="reviewedOn" label={t.filing.reviewedOn} rules={[{ required: true, message: t.common.required }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="opinion" label={t.filing.opinion}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function FilingReviewPage() {
  const [organizationId, setOrganizationId] = useState<number | undefined>();
  const [state, setState] = useState<'待审核' | '需补正'>('待审核');
  const { data, loading, reload } = useCall('filings.queue', { organizationId, states: [state] });
  const [selected, setSelected] = useState<number[]>([]);
  const [reviewing, setReviewing] = useState<number | null>(null);
  const [bulk, setBulk] = useState(false);
  useEffect(() => setSelected([]), [data]);
  const done = () => {
    setReviewing(null);
    setBulk(false);
    reload();
  };
  const columns: TableColumnsType<FilingQueueRow> = [
    { title: t.filingReview.account, dataIndex: 'accountDisplayName', render: (v: string, r) => <Link to={`/accounts/${r.accountId}`}>{v}</Link> },
    { title: t.account.platform, dataIndex: 'platform', width: 110 },
    { title: t.filingReview.member, dataIndex: 'memberName', width: 90 },
    { title: t.account.organization, dataIndex: 'organizationName', ellipsis: true },
    { title: t.filing.type, dataIndex: 'type', width: 70, render: (v: string) => <Tag>{v}</Tag> },
    { title: t.filing.submittedOn, dataIndex: 'submittedOn', width: 110 },
    { title: t.filing.opinion, dataIndex: 'opinion', width: 200, ellipsis: true },
    ...(state === '待审核'
      ? [{ title: '', key: 'act', width: 90, render: (_: unknown, r: FilingQueueRow) => <Button size="small" onClick={() => setReviewing(r.id)}>{t.filing.reviewTitle}</Button> }]
      : []),
  ];
  return (
    <div className="page">
      <div className="toolbar">
        <h2 className="page-title">{t.filingReview.title}</h2>
        <Segmented value={state} onChange={(v) => setState(v as '待审核' | '需补正')} options={[{ value: '待审核', label: t.filingReview.pending }, { value: '需补正', label: t.filingReview.correction }]} />
        <OrgTreeSelect allowClear placeholder={t.member.allOrganizations} value={organizationId} onChange={setOrganizationId} />
        <Space style={{ marginLeft: 'auto' }}>
          {state === '待审核' && (
            <Button type="primary" disabled={selected.length === 0} onClick={() => setBulk(true)} data-testid="bulk-accept">
              {t.filingReview.bulkAccept(selected.length)}
            </Button>
          )}
        </Space>
      </div>
      <RecordTable<FilingQueueRow>
        loading={loading}
        columns={columns}
        rows={data}
        rowSelection={state === '待审核' ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) } : undefined}
        emptyText={t.filingReview.empty}
      />
      {reviewing !== null && <ReviewFilingModal open filingId={reviewing} onClose={() => setReviewing(null)} onDone={done} />}
      <BulkAcceptModal open={bulk} ids={selected} onClose={() => setBulk(false)} onDone={done} />
    </div>
  );
}
