/** Record or edit a commendation for one or many members, and withdraw one (撤销, never deleted). */
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import type { Commendation } from '../../src/contract/commendations.js';
import { APPROVING_LEVELS, COMMENDATION_KINDS, type CommendationKind } from '../../src/domain/vocabulary.js';
import { call } from '../api.js';
import { t } from '../strings.js';
import { iso, notFuture, required } from './formRules.js';
import { MemberSelect } from './MemberSelect.js';
import { WorkflowDialog } from './WorkflowDialog.js';

interface Common {
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

interface Values {
  memberIds: number[];
  kind: CommendationKind;
  honourName: string;
  reason?: string;
  approvingBody?: string;
  approvingLevel?: (typeof APPROVING_LEVELS)[number];
  documentNumber?: string;
  commendedOn: dayjs.Dayjs;
  relatedLinks?: string;
}

const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

export function CommendationFormModal({ editing, ...p }: Common & { editing?: Commendation | null }) {
  const initial = editing
    ? { ...editing, memberIds: editing.members.map((m) => m.memberId), commendedOn: dayjs(editing.commendedOn) }
    : { kind: '书面表扬' as const, commendedOn: dayjs() };
  return (
    <WorkflowDialog<Values>
      {...p}
      title={editing ? t.commendation.editTitle : t.commendation.addTitle}
      done={editing ? t.commendation.updated : t.commendation.created}
      initialValues={initial as Partial<Values>}
      action={(v) => {
        const fields = {
          memberIds: v.memberIds,
          kind: v.kind,
          honourName: v.honourName,
          reason: v.reason ?? null,
          approvingBody: v.approvingBody ?? null,
          approvingLevel: v.approvingLevel ?? null,
          documentNumber: v.documentNumber ?? null,
          commendedOn: iso(v.commendedOn),
          relatedLinks: v.relatedLinks ?? null,
        };
        return editing ? call('commendations.update', { ...fields, id: editing.id }) : call('commendations.create', fields);
      }}
    >
      <Form.Item name="memberIds" label={t.commendation.members} extra={t.commendation.membersHelp} rules={[required]}>
        <MemberSelect multiple initial={editing?.members.map((m) => ({ id: m.memberId, name: m.name, organizationName: m.organizationName }))} />
      </Form.Item>
      <Form.Item name="kind" label={t.commendation.kind} rules={[required]}>
        <Select options={options(COMMENDATION_KINDS)} />
      </Form.Item>
      <Form.Item name="honourName" label={t.commendation.honourName} rules={[required]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="reason" label={t.commendation.reason}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item name="approvingBody" label={t.commendation.approvingBody}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="approvingLevel" label={t.commendation.approvingLevel}>
        <Select allowClear options={options(APPROVING_LEVELS)} />
      </Form.Item>
      <Form.Item name="documentNumber" label={t.commendation.documentNumber}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="commendedOn" label={t.commendation.commendedOn} rules={[required]}>
        <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
      </Form.Item>
      <Form.Item name="relatedLinks" label={t.commendation.relatedLinks}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </WorkflowDialog>
  );
}

export function WithdrawCommendationModal({ commendationId, ...p }: Common & { commendationId: number }) {
  return (
    <WorkflowDialog<{ withdrawnOn: dayjs.Dayjs; reason: string }>
      {...p}
      title={t.commendation.withdrawTitle}
      done={t.commendation.withdrawnDone}
      initialValues={{ withdrawnOn: dayjs() }}
      action={(v) => call('commendations.withdraw', { id: commendationId, withdrawnOn: iso(v.withdrawnOn), reason: v.reason })}
    >
      <p className="muted">{t.commendation.withdrawHelp}</p>
      <Form.Item name="withdrawnOn" label={t.commendation.withdrawnOn} rules={[required]}>
        <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
      </Form.Item>
      <Form.Item name="reason" label={t.commendation.withdrawnReason} rules={[required]}>
        <Input maxLength={200} />
      </Form.Item>
    </WorkflowDialog>
  );
}
