/** 以单位名义发布信息请示: register a request, decide it, record its publication. */
import { DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { AccountRow } from '../../src/contract/accounts.js';
import { DECISIONS, type Decision } from '../../src/domain/vocabulary.js';
import { call } from '../api.js';
import { t } from '../strings.js';
import { iso, notFuture, required } from './formRules.js';
import { MemberSelect } from './MemberSelect.js';
import { OrgTreeSelect } from './OrgTreeSelect.js';
import { WorkflowDialog } from './WorkflowDialog.js';

interface Common {
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

interface NewRequest {
  organizationId: number;
  requesterId?: number;
  requesterName: string;
  unit?: string;
  channel?: string;
  accountId?: number;
  title: string;
  summary?: string;
  requestedOn: dayjs.Dayjs;
}

/**
 * The unit's registered accounts (its subtree's, 已报告/已备案 or changed since): what a request may go out on. A large
 * unit has thousands: the first page is offered at once, and typing searches them all (name, platform, account ID).
 */
function UnitAccountSelect({ organizationId, value, onChange }: { organizationId?: number; value?: number; onChange?: (id: number | undefined) => void }) {
  const [q, setQ] = useState('');
  const [rows, setRows] = useState<AccountRow[]>([]);
  // Labels of every account seen, so the chosen one keeps its name when the search changes.
  const [seen, setSeen] = useState<Map<number, string>>(() => new Map());
  useEffect(() => {
    if (organizationId === undefined) return setRows([]);
    let live = true;
    const timer = setTimeout(() => {
      call('accounts.search', { organizationId, filingStates: ['已登记', '变更未报'], q: q.trim() || undefined, limit: 30 }).then((page) => {
        if (!live) return;
        setRows(page.rows);
        setSeen((prev) => new Map([...prev, ...page.rows.map((a): [number, string] => [a.id, `${a.platform}「${a.displayName}」（${a.memberName}）`])]));
      }, () => undefined);
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [organizationId, q]);
  const ids = [...new Set([...(value === undefined ? [] : [value]), ...rows.map((a) => a.id)])];
  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      notFoundContent={null}
      value={value}
      onChange={onChange}
      placeholder={t.requestAccount.accountPlaceholder}
      options={ids.flatMap((id) => (seen.has(id) ? [{ value: id, label: seen.get(id)! }] : []))}
      data-testid="request-account"
    />
  );
}

export function NewRequestModal(p: Common & { organizationId?: number }) {
  return (
    <WorkflowDialog<NewRequest>
      {...p}
      title={t.request.addTitle}
      done={t.request.created}
      initialValues={{ organizationId: p.organizationId, requestedOn: dayjs() }}
      action={(v) =>
        call('requests.create', {
          organizationId: v.organizationId,
          requesterId: v.requesterId ?? null,
          requesterName: v.requesterName,
          unit: v.unit ?? null,
          channel: v.channel ?? null,
          accountId: v.accountId ?? null,
          title: v.title,
          summary: v.summary ?? null,
          requestedOn: iso(v.requestedOn),
        })
      }
    >
      <Form.Item name="organizationId" label={t.request.organization} rules={[required]}>
        <OrgTreeSelect style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="requesterName" label={t.request.requester} rules={[required]}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate>
        {(form) => (
          <Form.Item name="requesterId" label={t.account.owner}>
            <MemberSelect placeholder={t.account.ownerSearch} onChange={(id, m) => { form.setFieldsValue({ requesterId: id, requesterName: m?.name ?? form.getFieldValue('requesterName') }); }} />
          </Form.Item>
        )}
      </Form.Item>
      <Form.Item name="unit" label={t.request.unit}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a: NewRequest, b: NewRequest) => a.organizationId !== b.organizationId}>
        {(form) => (
          <Form.Item name="accountId" label={t.requestAccount.account}>
            <UnitAccountSelect organizationId={form.getFieldValue('organizationId') as number | undefined} />
          </Form.Item>
        )}
      </Form.Item>
      <Form.Item name="channel" label={t.request.channel} extra={t.requestAccount.channelHint}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="title" label={t.request.requestTitle} rules={[required]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="summary" label={t.request.summary}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      <Form.Item name="requestedOn" label={t.request.requestedOn} rules={[required]}>
        <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
      </Form.Item>
    </WorkflowDialog>
  );
}

export function DecideRequestModal({ requestId, ...p }: Common & { requestId: number }) {
  return (
    <WorkflowDialog<{ decision: Decision; decidedBy: string; decidedOn: dayjs.Dayjs }>
      {...p}
      title={t.request.decideTitle}
      done={t.request.decided}
      initialValues={{ decision: '同意', decidedOn: dayjs() }}
      action={(v) => call('requests.decide', { id: requestId, decision: v.decision, decidedBy: v.decidedBy, decidedOn: iso(v.decidedOn) })}
    >
      <Form.Item name="decision" label={t.request.decision} rules={[required]}>
        <Radio.Group options={DECISIONS.map((d) => ({ value: d, label: d }))} />
      </Form.Item>
      <Form.Item name="decidedBy" label={t.request.decidedBy} rules={[required]}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="decidedOn" label={t.request.decidedOn} rules={[required]}>
        <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
      </Form.Item>
    </WorkflowDialog>
  );
}

export function PublishedModal({ requestId, ...p }: Common & { requestId: number }) {
  return (
    <WorkflowDialog<{ publishedOn: dayjs.Dayjs }>
      {...p}
      title={t.request.publishTitle}
      done={t.request.published}
      initialValues={{ publishedOn: dayjs() }}
      action={(v) => call('requests.published', { id: requestId, publishedOn: iso(v.publishedOn) })}
    >
      <Form.Item name="publishedOn" label={t.request.publishedOn} rules={[required]}>
        <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
      </Form.Item>
    </WorkflowDialog>
  );
}
