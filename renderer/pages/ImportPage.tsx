/**
 * 数据导入: choose a sheet, see how its columns were understood (and fix that), preview every row, download the
 * refused ones as an error workbook, then import all or nothing — or the valid rows only, when chosen.
 */
import { Alert, App, Button, Card, Form, Modal, Progress, Radio, Segmented, Space, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { ImportKind, ImportOutcome, ImportUploaded } from '../../src/contract/importOutcome.js';
import { call } from '../api.js';
import { ImportMapping } from '../components/ImportMapping.js';
import { ImportCounts, ImportRows } from '../components/ImportRows.js';
import { OrgTreeSelect } from '../components/OrgTreeSelect.js';
import { useFileJob } from '../hooks/useFileJob.js';
import { t } from '../strings.js';

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(t.common.loadFailed));
    reader.readAsDataURL(file);
  });
}

export function ImportPage() {
  const { message, modal } = App.useApp();
  const files = useFileJob();
  const [kind, setKind] = useState<ImportKind>('members');
  const [upload, setUpload] = useState<ImportUploaded | null>(null);
  const [organizationId, setOrganizationId] = useState<number | undefined>();
  const [onExisting, setOnExisting] = useState<'skip' | 'update'>('skip');
  const [mapping, setMapping] = useState<Record<string, number | null> | undefined>();
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);

  const start = (mode: 'preview' | 'run', over: { validOnly?: boolean; writeErrors?: boolean; outPath?: string; uploadId?: string; mapping?: Record<string, number | null> } = {}) =>
    call('imports.start', { kind, uploadId: over.uploadId ?? upload!.uploadId, mode, mapping: 'mapping' in over ? over.mapping : mapping, onExisting, organizationId, validOnly: over.validOnly ?? false, writeErrors: over.writeErrors ?? false, outPath: over.outPath });

  const preview = async (over: { uploadId?: string; mapping?: Record<string, number | null> } = {}) => {
    const status = await files.track(() => start('preview', over));
    if (status?.state === 'done' && status.outcome) {
      setOutcome(status.outcome);
      setMapping(status.outcome.mapping);
    } else if (status) {
      setOutcome(null);
      void message.error(status.error ?? '');
    }
  };

  const choose = async (file: File) => {
    try {
      const uploaded = await call('imports.upload', { fileName: file.name, contentBase64: await toBase64(file) });
      setUpload(uploaded);
      setOutcome(null);
      await preview({ uploadId: uploaded.uploadId, mapping: undefined });
    } catch (err) {
      void message.error((err as Error).message);
    }
  };

  const runImport = async (validOnly: boolean) => {
    const status = await files.track(() => start('run', { validOnly }));
    if (status?.state !== 'done' || !status.outcome) {
      if (status) void message.error(status.error ?? '');
      return;
    }
    setOutcome(status.outcome);
    if (status.outcome.imported) void message.success(t.imports.imported(status.outcome.counts));
    else void message.warning(status.outcome.counts.refused ? t.imports.importAllBlocked : t.imports.nothingToDo);
  };

  const confirmValidOnly = () => {
    const c = outcome!.counts;
    modal.confirm({ title: t.imports.importValid, content: t.imports.importValidConfirm(c.add + c.update, c.refused), onOk: () => runImport(true) });
  };

  const ready = outcome !== null && outcome.missingFields.length === 0;
  const done = outcome?.mode === 'run' && outcome.imported;
  const changes = outcome && !done ? outcome.counts.add + outcome.counts.update : 0;
  return (
    <div className="page">
      <h2 className="page-title">{t.imports.title}</h2>
      <Alert type="info" showIcon title={t.imports.intro} />
      <Card size="small">
        <Form layout="vertical">
          <Form.Item label={t.imports.kind}>
            <Space wrap>
              <Segmented
                value={kind}
                options={(['members', 'accounts'] as const).map((k) => ({ value: k, label: t.imports.kinds[k] }))}
                onChange={(v) => {
                  setKind(v as ImportKind);
                  setUpload(null);
                  setOutcome(null);
                  setMapping(undefined);
                }}
              />
              <Button onClick={() => void files.run((outPath) => call('imports.template', { kind, outPath }), `${t.imports.kinds[kind]}导入模板.xlsx`)}>{t.imports.template(t.imports.kinds[kind])}</Button>
              <span className="muted">{t.imports.templateHelp}</span>
            </Space>
          </Form.Item>
          {kind === 'members' && (
            <Form.Item label={t.imports.organization} extra={t.imports.organizationHelp}>
              <OrgTreeSelect value={organizationId} onChange={setOrganizationId} allowClear />
            </Form.Item>
          )}
          <Form.Item label={t.imports.onExisting} extra={t.imports.onExistingHelp}>
            <Radio.Group value={onExisting} onChange={(e) => setOnExisting(e.target.value)}>
              <Radio value="skip">{t.imports.skip}</Radio>
              <Radio value="update">{t.imports.update}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item label={t.imports.file}>
            <Space>
              <Upload accept=".xlsx,.csv,.xls,.et" showUploadList={false} beforeUpload={(f) => (void choose(f), false)}>
                <Button icon={<UploadOutlined />}>{t.imports.file}</Button>
              </Upload>
              {upload && <span data-testid="import-file">{t.imports.fileChosen(upload.fileName, Math.ceil(upload.sizeBytes / 1024))}</span>}
              {upload && <Button onClick={() => void preview()}>{outcome ? t.imports.previewAgain : t.imports.preview}</Button>}
            </Space>
          </Form.Item>
        </Form>
      </Card>
      {outcome && mapping && <ImportMapping outcome={outcome} mapping={mapping} onChange={setMapping} />}
      {ready && (
        <Card
          size="small"
          title={<ImportCounts outcome={outcome} />}
          extra={
            <Space>
              {outcome.counts.refused > 0 && (
                <Button onClick={() => void files.run((outPath) => start('preview', { writeErrors: true, outPath }), `${t.imports.kinds[kind]}导入错误清单.xlsx`)}>{t.imports.downloadErrors}</Button>
              )}
              {outcome.counts.refused > 0 && changes > 0 && <Button onClick={confirmValidOnly}>{t.imports.importValid}</Button>}
              {!done && (
                <Button type="primary" disabled={outcome.counts.refused > 0 || changes === 0} onClick={() => void runImport(false)}>
                  {t.imports.importAll}
                </Button>
              )}
            </Space>
          }
        >
          {done && <Alert style={{ marginBottom: 8 }} type="success" showIcon title={t.imports.imported(outcome.counts)} description={outcome.counts.refused ? t.imports.notImported(outcome.counts.refused) : undefined} />}
          {!done && outcome.counts.refused > 0 && <Alert style={{ marginBottom: 8 }} type="warning" showIcon title={t.imports.importAllBlocked} description={t.imports.errorsHelp} />}
          <ImportRows outcome={outcome} />
        </Card>
      )}
      <Modal open={files.job !== null} title={t.imports.running} closable={false} maskClosable={false} footer={<Button onClick={files.cancel}>{t.imports.cancel}</Button>}>
        <Progress percent={100} status="active" showInfo={false} />
        <div className="muted">{t.imports.progress(files.job?.done ?? 0)}</div>
      </Modal>
    </div>
  );
}
