/** Start an annual review, and record one member's response (申报 or 零报告). */
import { DatePicker, Form, Input, InputNumber, TreeSelect } from 'antd';
import dayjs from 'dayjs';
import type { DeclarationKind } from '../../src/domain/vocabulary.js';
import { call } from '../api.js';
import { useOrganizations } from '../hooks/organizations.js';
import { t } from '../strings.js';
import { iso, notFuture, required } from './formRules.js';
import { WorkflowDialog } from './WorkflowDialog.js';

interface Common {
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

export function NewCampaignModal(p: Common) {
  const { tree } = useOrganizations();
  const year = dayjs().year();
  return (
    <WorkflowDialog<{ title: string; year: number; deadline: dayjs.Dayjs; organizationIds: number[] }>
      {...p}
      title={t.campaign.addTitle}
      done={t.campaign.created}
      initialValues={{ title: t.report.defaultPeriod(year), year, deadline: dayjs(`${year}-12-31`), organizationIds: tree[0] ? [tree[0].value] : [] }}
      action={(v) => call('campaigns.create', { title: v.title, year: v.year, deadline: iso(v.deadline), organizationIds: v.organizationIds })}
    >
      <Form.Item name="title" label={t.campaign.name} rules={[required]}>
        <Input maxLength={40} placeholder={t.campaign.namePlaceholder} />
      </Form.Item>
      <Form.Item name="year" label={t.campaign.year} rules={[required]}>
        <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="deadline" label={t.campaign.deadline} rules={[required]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="organizationIds" label={t.campaign.scope} extra={t.campaign.scopeHelp} rules={[required]}>
        <TreeSelect treeData={tree as never} multiple treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} style={{ width: '100%' }} />
      </Form.Item>
    </WorkflowDialog>
  );
}

export function DeclareModal({ campaignId, member, kind, ...p }: Common & { campaignId: number; member: { id: number; name: string }; kind: DeclarationKind }) {
  return (
    <WorkflowDialog<{ declaredOn: dayjs.Dayjs; notes?: string }>
      {...p}
      title={t.campaign.declareTitle(member.name, kind)}
      done={t.campaign.recorded}
      initialValues={{ declaredOn: dayjs() }}
      action={(v) => call('campaigns.declare', { campaignId, memberId: member.id, kind, declaredOn: iso(v.declaredOn), notes: v.notes ?? null })}
    >
      <Form.Item name="declaredOn" label={t.campaign.declaredOn} rules={[required]}>
        <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
      </Form.Item>
      <Form.Item name="notes" label={t.campaign.notes}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </WorkflowDialog>
  );
}
