import { AuditTable } from '../components/AuditTable.js';
import { t } from '../strings.js';

export function AuditPage() {
  return (
    <div className="page">
      <h2 className="page-title">{t.audit.title}</h2>
      <AuditTable />
    </div>
  );
}
