import type { FormInstance } from 'antd';
import { LedgerError } from '../src/contract/errors.js';

/**
 * Puts the register's refusal where the person looks: next to the field it concerns, or as a message
 * when it concerns the whole form. Returns the text shown, for callers that also announce it.
 */
export function showError(err: unknown, form: FormInstance | null, notify: (text: string) => void): string {
  const text = err instanceof Error ? err.message : String(err);
  const fields = err instanceof LedgerError ? err.fields : {};
  // A field inside a list comes as `accounts.2.note` (the contract's path); the form names it ['accounts', 2, 'note'].
  const paths = Object.entries(fields).map(([name, error]) => [name.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), error] as const);
  const known = form ? paths.filter(([name]) => form.getFieldInstance(name) !== undefined) : [];
  if (form && known.length > 0) form.setFields(known.map(([name, error]) => ({ name, errors: [error] })));
  else notify(text);
  return text;
}
