/**
 * 导出上报数据包: the period's name, whole ID numbers only when asked for (and only for roles that see them on the
 * member's page), and optionally a transfer password agreed with the higher level, typed twice.
 */
import { Alert, Checkbox, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useOperator } from '../hooks/operator.js';
import { t } from '../strings.js';

const s = t.report;

export interface PackageChoice {
  period: string;
  fullIdNumbers?: true;
  transferPassword?: string;
}

export function PackageExportModal({ open, onCancel, onExport }: { open: boolean; onCancel: () => void; onExport: (choice: PackageChoice) => void }) {
  const { may } = useOperator();
  const [period, setPeriod] = useState(() => t.report.defaultPeriod(new Date().getFullYear()));
  const [whole, setWhole] = useState(false);
  const [protect, setProtect] = useState(false);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const problem = !protect ? null : password.length < 8 ? s.packagePasswordShort : password !== again ? s.packagePasswordDiffer : null;
  const close = (then: () => void) => {
    // The password never outlives the dialog.
    setPassword('');
    setAgain('');
    then();
  };
  return (
    <Modal
      open={open}
      title={s.packageTitle}
      onCancel={() => close(onCancel)}
      okButtonProps={{ disabled: problem !== null || !period.trim() }}
      onOk={() => close(() => onExport({ period, fullIdNumbers: whole || undefined, transferPassword: protect ? password : undefined }))}
    >
      <Alert type="info" showIcon title={s.packageHelp} style={{ marginBottom: 12 }} />
      <Form layout="vertical">
        <Form.Item label={s.packagePeriod}>
          <Input value={period} onChange={(e) => setPeriod(e.target.value)} placeholder={s.packagePeriodPlaceholder} maxLength={40} />
        </Form.Item>
        {may('members.update') && (
          <Form.Item>
            <Checkbox checked={whole} onChange={(e) => setWhole(e.target.checked)} data-testid="package-whole-ids">{s.packageWholeIds}</Checkbox>
          </Form.Item>
        )}
        <Form.Item>
          <Checkbox checked={protect} onChange={(e) => setProtect(e.target.checked)} data-testid="package-protect">{s.packageProtect}</Checkbox>
        </Form.Item>
        {protect && (
          <>
            <Form.Item label={s.packagePassword}>
              <Input.Password value={password} onChange={(e) => setPassword(e.target.value)} maxLength={200} autoComplete="new-password" data-testid="package-password" />
            </Form.Item>
            <Form.Item label={s.packagePasswordAgain} validateStatus={problem && again ? 'error' : undefined} help={again ? problem : undefined}>
              <Input.Password value={again} onChange={(e) => setAgain(e.target.value)} maxLength={200} autoComplete="new-password" data-testid="package-password-again" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
