/**
 * Sign-in, and the first-start page that creates the administrator and shows the recovery code once — as does a
 * sign-in that has just encrypted a register of an earlier release (its new code).
 */
import { Alert, Button, Card, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { Caller, SignedIn } from '../../src/contract/operators.js';
import { call } from '../api.js';
import { useFormSubmit } from '../hooks/useFormSubmit.js';
import { t } from '../strings.js';

interface Credentials {
  name: string;
  password: string;
  again?: string;
}

function Centered({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="auth-page">
      <div className="auth-brand">{t.app.title}</div>
      <Card title={title} style={{ width: 420 }}>
        {children}
      </Card>
    </div>
  );
}

/**
 * The recovery code, shown once; `justEncrypted` says this sign-in has just encrypted the register, so it is new;
 * false, that it replaces one shown before but never confirmed copied (absent: first start).
 */
export function RecoveryCodeModal({ code, justEncrypted, onDone }: { code: string | null; justEncrypted?: boolean; onDone: () => void }) {
  return (
    <Modal open={!!code} title={t.auth.recoveryTitle} closable={false} maskClosable={false} cancelButtonProps={{ style: { display: 'none' } }} okText={t.auth.recoveryDone} onOk={onDone}>
      {justEncrypted && <Alert type="success" showIcon title={t.auth.justEncrypted} style={{ marginBottom: 12 }} />}
      {justEncrypted === false && <Alert type="warning" showIcon title={t.auth.recoveryUnconfirmed} style={{ marginBottom: 12 }} />}
      <p>{t.auth.recoveryHelp}</p>
      <Typography.Paragraph copyable className="recovery-code">
        {code}
      </Typography.Paragraph>
    </Modal>
  );
}

export function SignInPage({ lockedFrom, onDone }: { lockedFrom: string | null; onDone: (signed: SignedIn) => void }) {
  const [form] = Form.useForm<Credentials>();
  const [recovering, setRecovering] = useState(false);
  const { busy, submit } = useFormSubmit(form, (v) => call('auth.signIn', { name: v.name, password: v.password }), t.auth.signedIn, onDone);
  return (
    <Centered title={lockedFrom ? t.auth.lockedTitle : t.auth.signInTitle}>
      {lockedFrom && <Alert type="warning" showIcon title={t.auth.locked(lockedFrom)} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ name: lockedFrom ?? undefined }}>
        <Form.Item name="name" label={t.auth.name} rules={[{ required: true, message: t.common.required }]}>
          <Input autoFocus={!lockedFrom} autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label={t.auth.password} rules={[{ required: true, message: t.common.required }]}>
          <Input.Password autoFocus={!!lockedFrom} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t.auth.signIn}
        </Button>
      </Form>
      <Button type="link" onClick={() => setRecovering(true)} style={{ marginTop: 8, padding: 0 }}>
        {t.auth.forgot}
      </Button>
      {recovering && <RecoverModal onClose={() => setRecovering(false)} onDone={onDone} />}
    </Centered>
  );
}

function RecoverModal({ onClose, onDone }: { onClose: () => void; onDone: (signed: SignedIn) => void }) {
  const [form] = Form.useForm<{ recoveryCode: string; name: string; password: string }>();
  const { busy, submit } = useFormSubmit(form, (v) => call('auth.recover', v), t.auth.recovered, onDone);
  return (
    <Modal open title={t.auth.recoverTitle} onCancel={onClose} onOk={submit} confirmLoading={busy}>
      {/* Its own name, so its fields' ids do not collide with the sign-in form's behind it. */}
      <Form form={form} name="recover" layout="vertical">
        <Form.Item name="recoveryCode" label={t.auth.recoveryCode} rules={[{ required: true, message: t.common.required }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={t.auth.name} rules={[{ required: true, message: t.common.required }]}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label={t.auth.newPassword} rules={[{ required: true, min: 8, message: t.common.required }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function SetupPage({ onDone }: { onDone: (operator: Caller) => void }) {
  const [form] = Form.useForm<Credentials>();
  const [created, setCreated] = useState<{ operator: Caller; recoveryCode: string } | null>(null);
  const { busy, submit } = useFormSubmit(form, (v) => call('auth.setup', { name: v.name, password: v.password }), t.auth.adminCreated, setCreated);
  return (
    <Centered title={t.auth.setupTitle}>
      <Alert type="info" showIcon title={t.auth.setupHelp} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ name: '管理员' }}>
        <Form.Item name="name" label={t.auth.name} rules={[{ required: true, message: t.common.required }]}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label={t.auth.password} rules={[{ required: true, min: 8, message: t.common.required }]}>
          <Input.Password autoFocus autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="again"
          label={t.auth.passwordAgain}
          dependencies={['password']}
          rules={[({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t.auth.passwordsDiffer))) })]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t.auth.setup}
        </Button>
      </Form>
      <RecoveryCodeModal code={created?.recoveryCode ?? null} onDone={() => onDone(created!.operator)} />
    </Centered>
  );
}
