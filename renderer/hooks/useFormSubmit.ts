/** Validate, call, announce, and on refusal show the message next to the field: every dialog form does this. */
import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { showError } from '../formErrors.js';

export function useFormSubmit<V, R>(form: FormInstance<V>, action: (values: V) => Promise<R>, done: string, onDone: (result: R) => void) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      const result = await action(values);
      void message.success(done);
      onDone(result);
    } catch (err) {
      showError(err, form, (text) => void message.error(text));
    } finally {
      setBusy(false);
    }
  };
  // validateFields rejects when a field is invalid; antd already shows that next to the field.
  return { busy, submit: () => void run().catch(() => undefined) };
}
