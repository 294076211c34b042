/** Scanned forms of a filing: upload (read in the page, sent through the contract) and view or save. */
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Modal, Space, Upload } from 'antd';
import { useState } from 'react';
import type { Attachment } from '../../src/contract/filings.js';
import { call } from '../api.js';
import { saveBlob, toBase64 } from '../files.js';
import { t } from '../strings.js';

function saveAs(fileName: string, mimeType: string, base64: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  saveBlob(new Blob([bytes], { type: mimeType }), fileName);
}

export function FilingAttachments({ filingId, attachments, onChanged }: { filingId: number; attachments: Attachment[]; onChanged: () => void }) {
  const { message } = App.useApp();
  const [preview, setPreview] = useState<{ name: string; src: string } | null>(null);
  const open = async (a: Attachment) => {
    try {
      const content = await call('filings.attachment', { id: a.id });
      if (content.mimeType === 'image/png' || content.mimeType === 'image/jpeg') {
        setPreview({ name: a.fileName, src: `data:${content.mimeType};base64,${content.contentBase64}` });
      } else saveAs(a.fileName, content.mimeType, content.contentBase64);
    } catch (err) {
      void message.error((err as Error).message);
    }
  };
  return (
    <Space wrap>
      {attachments.map((a) => (
        <Button key={a.id} size="small" icon={<PaperClipOutlined />} onClick={() => void open(a)}>
          {a.fileName}
        </Button>
      ))}
      <Upload
        showUploadList={false}
        accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff"
        beforeUpload={async (file) => {
          try {
            await call('filings.attach', { filingId, fileName: file.name, contentBase64: await toBase64(file) });
            void message.success(t.filing.attached);
            onChanged();
          } catch (err) {
            void message.error((err as Error).message);
          }
          return false;
        }}
      >
        <Button size="small" icon={<UploadOutlined />} title={t.filing.attachHelp}>
          {t.filing.attach}
        </Button>
      </Upload>
      <Modal open={preview !== null} title={preview?.name} footer={null} onCancel={() => setPreview(null)} width={900}>
        {preview && <img src={preview.src} alt={preview.name} style={{ maxWidth: '100%' }} />}
      </Modal>
    </Space>
  );
}
