/** Open a protection case, add a measure, close the case with its outcome. */
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { PROTECTION_MEASURES, type ProtectionMeasure } from '../../src/domain/vocabulary.js';
import { call } from '../api.js';
import { useLedgerSettings } from '../hooks/settings.js';
import { t } from '../strings.js';
import { iso, notFuture, required } from './formRules.js';
import { MemberSelect } from './MemberSelect.js';
import { WorkflowDialog } from './WorkflowDialog.js';

interface Common {
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

export function NewProtectionCaseModal(p: Common) {
  const settings = useLedgerSettings();
  return (
    <WorkflowDialog<{ memberId: number; attackedOn: dayjs.Dayjs; platform?: string; description: string; handledBy?: string }>
      {...p}
      title={t.protection.addTitle}
      done={t.protection.created}
      initialValues={{ attackedOn: dayjs() }}
      action={(v) => call('protection.create', { memberId: v.memberId, attackedOn: iso(v.attackedOn), platform: v.platform ?? null, description: v.description, handledBy: v.handledBy ?? null })}
    >
      <Form.Item name="memberId" label={t.protection.member} rules={[required]}>
        <MemberSelect placeholder={t.account.ownerSearch} />
      </Form.Item>
      <Form.Item name="attackedOn" label={t.protection.attackedOn} rules={[required]}>
        <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
      </Form.Item>
      <Form.Item name="platform" label={t.protection.platform}>
        <Select allowClear showSearch options={(settings?.platforms ?? []).map((p) => ({ value: p, label: p }))} />
      </Form.Item>
      <Form.Item name="description" label={t.protection.description} rules={[required]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="handledBy" label={t.protection.handledBy}>
        <Input maxLength={30} />
      </Form.Item>
    </WorkflowDialog>
  );
}

export function AddMeasureModal({ caseId, ...p }: Common & { caseId: number }) {
  return (
    <WorkflowDialog<{ measure: ProtectionMeasure; takenOn: dayjs.Dayjs; takenBy?: string; notes?: string }>
      {...p}
      title={t.protection.measureTitle}
      done={t.protection.measureAdded}
      initialValues={{ takenOn: dayjs() }}
      action={(v) => call('protection.addMeasure', { caseId, measure: v.measure, takenOn: iso(v.takenOn), takenBy: v.takenBy ?? null, notes: v.notes ?? null })}
    >
      <Form.Item name="measure" label={t.protection.measure} rules={[required]}>
        <Select options={PROTECTION_MEASURES.map((m) => ({ value: m, label: m }))} />
      </Form.Item>
      <Form.Item name="takenOn" label={t.protection.takenOn} rules={[required]}>
        <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
      </Form.Item>
      <Form.Item name="takenBy" label={t.protection.takenBy}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="notes" label={t.protection.notes}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </WorkflowDialog>
  );
}

export function CloseProtectionModal({ caseId, ...p }: Common & { caseId: number }) {
  return (
    <WorkflowDialog<{ closedOn: dayjs.Dayjs; outcome: string }>
      {...p}
      title={t.protection.closeTitle}
      done={t.protection.closed}
      initialValues={{ closedOn: dayjs() }}
      action={(v) => call('protection.close', { id: caseId, closedOn: iso(v.closedOn), outcome: v.outcome })}
    >
      <Form.Item name="outcome" label={t.protection.outcome} rules={[required]}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      <Form.Item name="closedOn" label={t.protection.closedOn} rules={[required]}>
        <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
      </Form.Item>
    </WorkflowDialog>
  );
}
