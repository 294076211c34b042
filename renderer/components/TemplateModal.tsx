/** 明细表模板: choose the columns a higher level wants, put them in its order, give them its names, save under a name. */
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { App, Alert, Button, Checkbox, Input, Modal, Popconfirm, Select, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { DETAIL_COLUMN_HEADERS, DETAIL_COLUMN_KEYS, type DetailColumnKey, type ReportTemplate } from '../../src/domain/reportTemplates.js';
import { LedgerError } from '../../src/contract/errors.js';
import { call } from '../api.js';
import { useOperator } from '../hooks/operator.js';
import { t } from '../strings.js';

interface Row {
  key: DetailColumnKey;
  header: string;
  chosen: boolean;
}

/** Every column, the template's first in its order (or the default set), the others after them unticked. */
function rowsOf(template: ReportTemplate | null): Row[] {
  const chosen = template ? template.columns : DETAIL_COLUMN_KEYS.filter((k) => k !== 'organization' && k !== 'source').map((key) => ({ key, header: DETAIL_COLUMN_HEADERS[key] }));
  const rest = DETAIL_COLUMN_KEYS.filter((k) => !chosen.some((c) => c.key === k)).map((key) => ({ key, header: DETAIL_COLUMN_HEADERS[key], chosen: false }));
  return [...chosen.map((c) => ({ ...c, chosen: true })), ...rest];
}

interface Props {
  open: boolean;
  templates: ReportTemplate[];
  /** The template chosen on the page, opened for editing (a new one when none is chosen). */
  current: number | undefined;
  onClose: () => void;
  onSaved: (id: number | undefined) => void;
}

export function TemplateModal({ open, templates, current, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const { may } = useOperator();
  const [editing, setEditing] = useState<number | null>(null);
  const [name, setName] = useState('');
  const [rows, setRows] = useState<Row[]>(rowsOf(null));
  const [fullIdNumbers, setFullIdNumbers] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = (template: ReportTemplate | null) => {
    setEditing(template?.id ?? null);
    setName(template?.name ?? '');
    setRows(rowsOf(template));
    setFullIdNumbers(template?.fullIdNumbers ?? false);
    setError(null);
  };
  useEffect(() => {
    if (open) load(templates.find((x) => x.id === current) ?? null);
    // Only when the dialog opens: a save must not reset what is being edited.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);
  const move = (i: number, by: number) => setRows((rs) => {
    const next = [...rs];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    return next;
  });
  const update = (i: number, change: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const save = async () => {
    try {
      const columns = rows.filter((r) => r.chosen).map(({ key, header }) => ({ key, header }));
      const saved = await call('reportTemplates.save', { id: editing ?? undefined, name, columns, fullIdNumbers });
      void message.success(t.paper.templateSaved);
      setEditing(saved.id);
      setError(null);
      onSaved(saved.id);
    } catch (err) {
      // The field's own words (a missing filled column, a name in use) say more than the form's general refusal.
      const fields = err instanceof LedgerError ? Object.values(err.fields) : [];
      setError(fields.length > 0 ? fields.join(' ') : (err as Error).message);
    }
  };
  const remove = async () => {
    if (editing === null) return;
    await call('reportTemplates.delete', { id: editing });
    void message.success(t.paper.templateDeleted);
    load(null);
    onSaved(undefined);
  };
  return (
    <Modal open={open} title={t.paper.templatesTitle} width={760} onCancel={onClose} onOk={() => void save()} okText={t.common.save} data-testid="template-modal">
      <Space wrap style={{ marginBottom: 8 }}>
        <Select
          style={{ width: 220 }}
          value={editing ?? 0}
          onChange={(id) => load(templates.find((x) => x.id === id) ?? null)}
          options={[{ value: 0, label: t.paper.templateNew }, ...templates.map((x) => ({ value: x.id, label: x.name }))]}
        />
        <Input addonBefore={t.paper.templateName} value={name} onChange={(e) => setName(e.target.value)} maxLength={40} style={{ width: 300 }} data-testid="template-name" />
        {editing !== null && (
          <Popconfirm title={t.paper.templateDeleteConfirm(name)} onConfirm={() => void remove()}>
            <Button danger>{t.paper.templateDelete}</Button>
          </Popconfirm>
        )}
      </Space>
      <Alert type="info" showIcon title={t.paper.templateHelp} style={{ marginBottom: 8 }} />
      {may('members.update') && (
        <Checkbox checked={fullIdNumbers} onChange={(e) => setFullIdNumbers(e.target.checked)} style={{ marginBottom: 8 }}>
          {t.paper.templateFullIds}
        </Checkbox>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Table<Row>
        size="small"
        rowKey="key"
        pagination={false}
        scroll={{ y: 360 }}
        dataSource={rows}
        columns={[
          { title: '', width: 40, render: (_, r, i) => <Checkbox checked={r.chosen} onChange={(e) => update(i, { chosen: e.target.checked })} aria-label={DETAIL_COLUMN_HEADERS[r.key]} /> },
          { title: t.paper.column, width: 160, render: (_, r) => DETAIL_COLUMN_HEADERS[r.key] },
          { title: t.paper.header, render: (_, r, i) => <Input size="small" value={r.header} disabled={!r.chosen} maxLength={30} onChange={(e) => update(i, { header: e.target.value })} /> },
          {
            title: '',
            width: 90,
            render: (_, __, i) => (
              <Space size={4}>
                <Button size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} aria-label={t.paper.up} />
                <Button size="small" icon={<ArrowDownOutlined />} disabled={i === rows.length - 1} onClick={() => move(i, 1)} aria-label={t.paper.down} />
              </Space>
            ),
          },
        ]}
      />
    </Modal>
  );
}
