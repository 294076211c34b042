/** 操作记录 with filters: who, what (kind of record and action), when; and the head of the tamper-evident chain. */
import { DatePicker, Select } from 'antd';
import { useState } from 'react';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, type AuditAction, type AuditEntity } from '../../src/contract/audit.js';
import { msg } from '../../src/i18n/messages.js';
import { AuditTable } from '../components/AuditTable.js';
import { useCall } from '../hooks/useCall.js';
import { useDateRange } from '../hooks/useDateRange.js';
import { t } from '../strings.js';

export function AuditPage() {
  const [actor, setActor] = useState<string | undefined>();
  const [entity, setEntity] = useState<AuditEntity | undefined>();
  const [action, setAction] = useState<AuditAction | undefined>();
  const dates = useDateRange();
  const actors = useCall('audit.actors', {});
  return (
    <div className="page">
      <div className="toolbar">
        <h2 className="page-title">{t.audit.title}</h2>
        <Select allowClear showSearch placeholder={t.audit.anyActor} value={actor} onChange={setActor} style={{ width: 160 }} options={(actors.data ?? []).map((a) => ({ value: a, label: a }))} aria-label={t.audit.actor} />
        <Select allowClear placeholder={t.audit.anyEntity} value={entity} onChange={setEntity} style={{ width: 140 }} options={AUDIT_ENTITIES.map((e) => ({ value: e, label: t.audit.entities[e] ?? e }))} aria-label={t.audit.entity} />
        <Select allowClear placeholder={t.audit.anyAction} value={action} onChange={setAction} style={{ width: 140 }} options={AUDIT_ACTIONS.map((a) => ({ value: a, label: msg.audit.actions[a] }))} aria-label={t.audit.action} />
        <DatePicker.RangePicker {...dates.picker} />
      </div>
      <AuditTable entity={entity} filter={{ actor, action, from: dates.from, to: dates.to }} />
    </div>
  );
}
