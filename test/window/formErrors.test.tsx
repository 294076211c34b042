// @vitest-environment happy-dom
/** A refusal of the register shows next to the field it concerns; anything else as a message. */
import { act, render, screen, waitFor } from '@testing-library/react';
import { Form, Input, type FormInstance } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { LedgerError } from '../../src/contract/errors.js';
import { showError } from '../../renderer/formErrors.js';
import { call } from '../../renderer/api.js';
import { bridgedLedger } from './window.js';

function MemberForm({ onForm }: { onForm: (f: FormInstance) => void }) {
  const [form] = Form.useForm();
  onForm(form);
  return (
    <Form form={form}>
      <Form.Item name="name" label="姓名">
        <Input />
      </Form.Item>
      <Form.Item name="idNumber" label="身份证号">
        <Input />
      </Form.Item>
    </Form>
  );
}

describe('form errors', () => {
  it('puts the register’s field message under the field, and tells nothing else', async () => {
    const { call: direct } = bridgedLedger();
    const organizationId = direct('organizations.create', { parentId: null, fullName: '中共表单测试委员会', type: '党委' }).id;
    let form!: FormInstance;
    render(<MemberForm onForm={(f) => (form = f)} />);
    const notify = vi.fn();
    // A real refusal from the register: an ID number Excel turned into scientific notation.
    const err = await call('members.create', { name: '赵测试', organizationId, idNumber: '3.2E+17' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LedgerError);
    act(() => void showError(err, form, notify));
    const shown = (err as LedgerError).fields.idNumber!;
    await waitFor(() => expect(screen.getByText(shown)).toBeTruthy());
    expect(shown).toContain('科学计数法');
    expect(notify).not.toHaveBeenCalled();
  });

  it('puts a refusal about one entry of a list under that entry (the contract says accounts.1.note)', async () => {
    let form!: FormInstance;
    function LeaveForm({ onForm }: { onForm: (f: FormInstance) => void }) {
      const [f] = Form.useForm();
      onForm(f);
      return (
        <Form form={f}>
          {[0, 1].map((i) => (
            <Form.Item key={i} name={['accounts', i, 'note']} label={`保留原因${i}`}>
              <Input />
            </Form.Item>
          ))}
        </Form>
      );
    }
    render(<LeaveForm onForm={(f) => (form = f)} />);
    const notify = vi.fn();
    act(() => void showError(new LedgerError('VALIDATION', '填写的内容有误，请按提示修改。', { fields: { 'accounts.1.note': '保留账号时请说明原因。' } }), form, notify));
    await waitFor(() => expect(form.getFieldError(['accounts', 1, 'note'])).toEqual(['保留账号时请说明原因。']));
    expect(form.getFieldError(['accounts', 0, 'note'])).toEqual([]);
    expect(notify).not.toHaveBeenCalled();
  });

  it('a refusal about no field of the form becomes a message', () => {
    let form!: FormInstance;
    render(<MemberForm onForm={(f) => (form = f)} />);
    const notify = vi.fn();
    const text = showError(new LedgerError('CONFLICT', '这个身份证号已经登记给“钱某”，同一人不能重复登记。', { fields: { other: 'x' } }), form, notify);
    expect(notify).toHaveBeenCalledWith(text);
  });
});
