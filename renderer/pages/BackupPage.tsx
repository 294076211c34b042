/** 数据备份: a consistent copy of the register into the data folder, and how to restore one. */
import { Alert, App, Button, Card, Progress, Space } from 'antd';
import { useState } from 'react';
import { call } from '../api.js';
import { RecordTable } from '../components/RecordTable.js';
import { followJob } from '../files.js';
import { useCall } from '../hooks/useCall.js';
import { t } from '../strings.js';

export function BackupPage() {
  const { message } = App.useApp();
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
  return (
    <div className="page">
      <h2 className="page-title">{t.backup.title}</h2>
      <Alert type="info" showIcon title={t.backup.why} description={t.backup.restore(info.data?.dataDir ?? '')} />
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
            ]}
          />
        </Space>
      </Card>
    </div>
  );
}
