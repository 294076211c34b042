/** 数据备份: a checked backup folder of the register and its scans, listed, and restored from the list. */
import { Alert, App, Button, Card, Progress, Space } from 'antd';
import { useState } from 'react';
import { call } from '../api.js';
import { RecordTable } from '../components/RecordTable.js';
import { followJob } from '../files.js';
import { useCall } from '../hooks/useCall.js';
import { Can } from '../hooks/operator.js';
import { t } from '../strings.js';

export function BackupPage() {
  const { message, modal } = App.useApp();
  const backups = useCall('system.backups', {});
  const info = useCall('system.info', {});
  const [running, setRunning] = useState(false);
  const backupNow = async () => {
    setRunning(true);
    try {
      const job = await followJob(await call('system.backup', {}));
      if (job.state === 'done') void message.success(t.backup.done(job.fileName));
      else void message.error(job.error ?? '');
    } catch (err) {
      void message.error((err as Error).message);
    } finally {
      setRunning(false);
      backups.reload();
    }
  };
  const restore = (fileName: string) =>
    modal.confirm({
      title: t.backup.restoreTitle(fileName),
      content: t.backup.restoreContent,
      okType: 'danger',
      okText: t.backup.restoreOk,
      width: 520,
      onOk: async () => {
        try {
          const done = await call('system.restore', { fileName, confirm: true });
          // Every page holds data read from the register that was just replaced: start over from it.
          modal.success({ title: t.backup.restored(done.keptAs), onOk: () => window.location.reload() });
        } catch (err) {
          void message.error((err as Error).message);
        }
      },
    });
  return (
    <div className="page">
      <h2 className="page-title">{t.backup.title}</h2>
      <Alert type="info" showIcon title={t.backup.why} description={t.backup.where(info.data?.dataDir ?? '')} />
      <Card size="small" title={t.backup.list} extra={<Button type="primary" loading={running} onClick={() => void backupNow()}>{t.backup.now}</Button>}>
        <Space direction="vertical" style={{ width: '100%' }}>
          {running && <Progress percent={100} status="active" showInfo={false} />}
          <RecordTable
            rowKey="fileName"
            rows={backups.data}
            emptyText={t.backup.empty}
            columns={[
              { title: t.backup.file, dataIndex: 'fileName' },
              { title: t.backup.at, dataIndex: 'createdAt', width: 200, render: (v: string) => new Date(v).toLocaleString('zh-CN', { hour12: false }) },
              { title: t.backup.size, dataIndex: 'sizeBytes', width: 120, align: 'right', render: (v: number) => `${(v / 1024 / 1024).toFixed(1)} MB` },
              {
                title: t.backup.actions,
                key: 'actions',
                width: 90,
                render: (_: unknown, row: { fileName: string }) => (
                  <Can call="system.restore"><Button size="small" danger disabled={running} onClick={() => restore(row.fileName)}>
                    {t.backup.restore}
                  </Button></Can>
                ),
              },
            ]}
          />
        </Space>
      </Card>
    </div>
  );
}
