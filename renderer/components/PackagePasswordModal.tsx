/**
 * A sealed 上报数据包 asks for the transfer password agreed with the sub-unit before the core can check it. A wrong
 * password (or a package changed on the way: the core cannot tell them apart) keeps the dialog open with the core's
 * message, so the person can try again or cancel; nothing is stored either way.
 */
import { Alert, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { t } from '../strings.js';

const s = t.consolidation;

export function PackagePasswordModal({ fileName, problem, onSubmit, onCancel }: { fileName: string | null; problem: string | null; onSubmit: (password: string) => Promise<void>; onCancel: () => void }) {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => setPassword(''), [fileName, problem]);
  const submit = async () => {
    setBusy(true);
    try {
      await onSubmit(password);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={fileName !== null} title={s.passwordTitle} okText={s.passwordOpen} okButtonProps={{ disabled: !password }} confirmLoading={busy} onOk={() => void submit()} onCancel={onCancel}>
      <Alert type={problem ? 'error' : 'info'} showIcon title={problem ?? s.passwordHelp(fileName ?? '')} style={{ marginBottom: 12 }} data-testid="package-password-note" />
      <Form layout="vertical" onFinish={() => void submit()}>
        <Form.Item label={s.password}>
          <Input.Password autoFocus value={password} onChange={(e) => setPassword(e.target.value)} onPressEnter={() => void submit()} maxLength={200} data-testid="package-open-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
