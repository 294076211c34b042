import { Form, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useFormSubmit } from '../hooks/useFormSubmit.js';
import { t } from '../strings.js';

interface DialogProps<V> {
  open: boolean;
  title: string;
  onClose: () => void;
  onDone: () => void;
  done: string;
  action: (values: V) => Promise<unknown>;
  initialValues?: Partial<V>;
  children: ReactNode;
}

/** A small dated form in a modal: every workflow step has this shape. */
export function WorkflowDialog<V>({ open, title, onClose, onDone, done, action, initialValues, children }: DialogProps<V>) {
  const [form] = Form.useForm<V>();
  const { busy, submit } = useFormSubmit(form, action, done, onDone);
  return (
    <Modal open={open} title={title} onOk={submit} onCancel={onClose} confirmLoading={busy} okText={t.common.confirm} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false} initialValues={initialValues as never} onFinish={submit}>
        {children}
        {/* Enter in a field submits, as in any desktop dialog. */}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}

