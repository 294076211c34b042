/**
 * Importing a sub-unit's package: the core checks it and proposes our organization (by 党组织代码 or full name,
 * never by code); the person confirms the organization, and confirms replacing a current submission of the same
 * period. The file is read here and sent as base64; nothing is stored until 导入.
 */
import { Alert, App, Checkbox, Descriptions, Modal, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { PackageInspection } from '../../src/contract/consolidation.js';
import { call } from '../api.js';
import { OrgTreeSelect } from './OrgTreeSelect.js';
import { DiffTabs } from './SubmissionDiffModal.js';
import { t } from '../strings.js';

const s = t.consolidation;

export interface ChosenPackage {
  fileName: string;
  contentBase64: string;
  /** The transfer password that opened a sealed package, sent again with the import. */
  transferPassword?: string;
  inspection: PackageInspection;
}

export function PackageImportModal({ chosen, onClose, onImported }: { chosen: ChosenPackage | null; onClose: () => void; onImported: () => void }) {
  const { message } = App.useApp();
  const [organizationId, setOrganizationId] = useState<number | undefined>();
  const [replace, setReplace] = useState(false);
  const [busy, setBusy] = useState(false);
  const p = chosen?.inspection;
  useEffect(() => {
    setOrganizationId(p?.mapping?.organizationId);
    setReplace(false);
  }, [p]);
  // The proposal's current submission; another organization chosen may have its own, which the core then reports.
  const current = p?.current && p.mapping?.organizationId === organizationId ? p.current : null;
  const submit = async () => {
    if (!chosen || organizationId === undefined) return;
    setBusy(true);
    try {
      const result = await call('consolidation.import', { fileName: chosen.fileName, contentBase64: chosen.contentBase64, transferPassword: chosen.transferPassword, organizationId, replace });
      void message.success(s.imported(result.submission.organizationName));
      onImported();
    } catch (err) {
      void message.error((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={chosen !== null}
      title={s.inspectTitle}
      okText={s.doImport}
      okButtonProps={{ disabled: organizationId === undefined || (current !== null && !replace), 'data-testid': 'package-import-ok' } as never}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      width={900}
    >
      {p && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert type="success" showIcon title={s.verified} />
          <Descriptions size="small" bordered column={2} data-testid="package-inspection">
            <Descriptions.Item label={s.sourceName}>{p.source.fullName}</Descriptions.Item>
            <Descriptions.Item label={s.sourceCode}>{p.source.code}</Descriptions.Item>
            <Descriptions.Item label={s.period}>{`${p.period.label}（${p.period.from === '1900-01-01' ? '' : p.period.from}～${p.period.to}）`}</Descriptions.Item>
            <Descriptions.Item label={s.generatedAt}>{s.at(p.generatedAt)}</Descriptions.Item>
            <Descriptions.Item label={s.counts}>{s.countsValue(p.counts)}</Descriptions.Item>
            <Descriptions.Item label={s.partyCode}>{p.source.partyCode ?? t.common.none}</Descriptions.Item>
            <Descriptions.Item label={s.totals} span={2}>{s.totalsValue(p.totals)}</Descriptions.Item>
            <Descriptions.Item label={s.mapping} span={2}>
              <Space wrap>
                <OrgTreeSelect value={organizationId} onChange={setOrganizationId} placeholder={s.mapping} style={{ minWidth: 360 }} id="package-mapping" />
                {p.mapping && p.mapping.organizationId === organizationId && <Tag color="blue">{s.basis[p.mapping.basis]}</Tag>}
              </Space>
              <div className="muted">{p.mapping ? s.mappingHelp : s.noProposal}</div>
            </Descriptions.Item>
          </Descriptions>
          {current && (
            <Alert
              type="warning"
              showIcon
              title={s.replaces(current.organizationName, current.period.label, s.at(current.importedAt))}
              action={<Checkbox checked={replace} onChange={(e) => setReplace(e.target.checked)} data-testid="confirm-replace">{s.confirmReplace}</Checkbox>}
            />
          )}
          {p.diff && p.mapping?.organizationId === organizationId && (
            <>
              {p.diff.previous && <strong>{s.diffSummary({ added: p.diff.added.length, closed: p.diff.closed.length, stateChanged: p.diff.stateChanged.length, removed: p.diff.removed.length })}</strong>}
              <DiffTabs diff={p.diff} />
            </>
          )}
        </Space>
      )}
    </Modal>
  );
}
