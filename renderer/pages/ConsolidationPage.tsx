/**
 * 汇总上报: for a period, which expected sub-units have sent their package (and a 催报 list of those that have not),
 * the packages imported with their history, what changed in each, and importing a new one.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, AutoComplete, Button, Card, Checkbox, Empty, Modal, Progress, Space, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import type { Submission, SubmissionDiff } from '../../src/contract/consolidation.js';
import type { LedgerError } from '../../src/contract/errors.js';
import { localDay } from '../../src/domain/dates.js';
import { exportFileName } from '../../src/domain/fileNames.js';
import { msg } from '../../src/i18n/messages.js';
import { call } from '../api.js';
import { OrgTreeSelect } from '../components/OrgTreeSelect.js';
import { PackageImportModal, type ChosenPackage } from '../components/PackageImportModal.js';
import { PackagePasswordModal } from '../components/PackagePasswordModal.js';
import { SubmissionDiffModal } from '../components/SubmissionDiffModal.js';
import { toBase64 } from '../files.js';
import { useCall } from '../hooks/useCall.js';
import { useExport } from '../hooks/useExport.js';
import { t } from '../strings.js';

const s = t.consolidation;

export function ConsolidationPage() {
  const { message } = App.useApp();
  const [period, setPeriod] = useState(() => t.report.defaultPeriod(new Date().getFullYear()));
  const [organizationId, setOrganizationId] = useState<number | undefined>();
  const [history, setHistory] = useState(false);
  const [chosen, setChosen] = useState<ChosenPackage | null>(null);
  const [diff, setDiff] = useState<SubmissionDiff | null>(null);
  const list = useCall('consolidation.list', { period, includeReplaced: history });
  const missing = useCall('consolidation.missing', { period, organizationId });
  const exporter = useExport();

  const [sealed, setSealed] = useState<{ fileName: string; contentBase64: string; problem: string | null } | null>(null);
  const inspect = async (fileName: string, contentBase64: string, transferPassword?: string) => {
    try {
      setChosen({ fileName, contentBase64, transferPassword, inspection: await call('consolidation.inspect', { fileName, contentBase64, transferPassword }) });
      setSealed(null);
    } catch (err) {
      // A sealed package: ask for its password (again, with the reason, after a wrong one).
      if ((err as LedgerError).details && ((err as LedgerError).details as { passwordRequired?: boolean }).passwordRequired) {
        setSealed({ fileName, contentBase64, problem: transferPassword ? (err as Error).message : null });
      } else {
        setSealed(null);
        void message.error((err as Error).message);
      }
    }
  };
  const choose = async (file: File) => {
    try {
      await inspect(file.name, await toBase64(file));
    } catch (err) {
      void message.error((err as Error).message);
    }
    return false;
  };
  const showDiff = async (id: number) => {
    try {
      setDiff(await call('consolidation.diff', { id }));
    } catch (err) {
      void message.error((err as Error).message);
    }
  };
  const m = missing.data;
  const periods = [...new Set([period, ...(list.data?.periods ?? [])])];
  return (
    <div className="page">
      <div className="toolbar">
        <h2 className="page-title">{s.title}</h2>
        <span className="muted">{s.intro}</span>
      </div>
      <div className="toolbar">
        <span>{s.period}</span>
        <AutoComplete value={period} onChange={setPeriod} options={periods.map((p) => ({ value: p }))} placeholder={s.periodPlaceholder} style={{ width: 160 }} data-testid="period" />
        <span>{s.receiving}</span>
        <OrgTreeSelect allowClear placeholder={t.member.allOrganizations} value={organizationId} onChange={setOrganizationId} />
        <Space style={{ marginLeft: 'auto' }}>
          <Upload showUploadList={false} accept=".json" beforeUpload={(file) => choose(file)}>
            <Button type="primary" icon={<UploadOutlined />}>{s.importPackage}</Button>
          </Upload>
          <Button disabled={!m || m.missing === 0} onClick={() => m && void exporter.run({ type: 'reminders', period, organizationId }, exportFileName(`${msg.consolidation.reminderTitle}_${period}`, m.organizationName, localDay(new Date()), '.xlsx'))}>
            {s.exportReminders}
          </Button>
        </Space>
      </div>
      {(missing.error || list.error) && <Alert type="error" showIcon title={missing.error ?? list.error} />}
      <Card size="small" title={s.status} extra={m && <span data-testid="missing-line">{s.statusLine(m.expected.length, m.missing)}</span>}>
        <Table
          size="small"
          rowKey="organizationId"
          pagination={false}
          dataSource={m?.expected ?? []}
          data-testid="missing-table"
          columns={[
            { title: t.org.code, dataIndex: 'code', width: 140 },
            { title: s.organization, dataIndex: 'fullName' },
            { title: s.status, key: 'state', width: 100, render: (_, e) => (e.submissionId ? <Tag color="green">{s.received}</Tag> : <Tag color="red">{s.missing}</Tag>) },
            { title: s.importedAt, dataIndex: 'importedAt', width: 180, render: (v: string | null) => (v ? s.at(v) : t.common.none) },
          ]}
        />
      </Card>
      <Card size="small" title={s.submissions} extra={<Checkbox checked={history} onChange={(e) => setHistory(e.target.checked)}>{s.showHistory}</Checkbox>} style={{ marginTop: 12 }}>
        <Table<Submission>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={list.data?.submissions ?? []}
          data-testid="submissions-table"
          locale={{ emptyText: <Empty description={s.noSubmissions} /> }}
          columns={[
            { title: s.mappedTo, dataIndex: 'organizationName', ellipsis: true },
            { title: s.source, key: 'source', ellipsis: true, render: (_, r) => `${r.source.fullName} / ${r.source.code}` },
            { title: s.generatedAt, dataIndex: 'generatedAt', width: 170, render: (v: string) => s.at(v) },
            { title: s.importedAt, dataIndex: 'importedAt', width: 170, render: (v: string) => s.at(v) },
            { title: s.counts, key: 'counts', width: 130, render: (_, r) => s.countsValue(r.counts) },
            { title: s.status, key: 'state', width: 80, render: (_, r) => (r.replacedBy ? <Tag>{s.replaced}</Tag> : <Tag color="blue">{s.current}</Tag>) },
            { title: '', key: 'diff', width: 90, render: (_, r) => <Button size="small" onClick={() => void showDiff(r.id)}>{s.showDiff}</Button> },
          ]}
        />
      </Card>
      <PackageImportModal
        chosen={chosen}
        onClose={() => setChosen(null)}
        onImported={() => {
          setChosen(null);
          list.reload();
          missing.reload();
        }}
      />
      <PackagePasswordModal
        fileName={sealed?.fileName ?? null}
        problem={sealed?.problem ?? null}
        onSubmit={(password) => (sealed ? inspect(sealed.fileName, sealed.contentBase64, password) : Promise.resolve())}
        onCancel={() => setSealed(null)}
      />
      <SubmissionDiffModal diff={diff} onClose={() => setDiff(null)} />
      <Modal open={exporter.job !== null} title={t.report.progressTitle} closable={false} maskClosable={false} footer={<Button onClick={exporter.cancel}>{t.report.cancel}</Button>}>
        {exporter.job && <Progress percent={exporter.job.total ? Math.floor((exporter.job.done / exporter.job.total) * 100) : 0} status="active" />}
      </Modal>
    </div>
  );
}
