/** 列对应: which column of the sheet each field comes from, as recognised (or remembered) and as the person fixes it. */
import { Alert, Card, Select, Space, Tag } from 'antd';
import { IMPORT_FIELDS, type ImportOutcome } from '../../src/contract/importOutcome.js';
import { t } from '../strings.js';

function letter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

interface Props {
  outcome: ImportOutcome;
  mapping: Record<string, number | null>;
  onChange: (mapping: Record<string, number | null>) => void;
}

export function ImportMapping({ outcome, mapping, onChange }: Props) {
  const options = [{ value: -1, label: t.imports.notMapped }, ...outcome.columns.map((h, i) => ({ value: i, label: t.imports.column(letter(i), h) }))];
  const fields = IMPORT_FIELDS[outcome.kind];
  const missing = fields.filter((f) => outcome.missingFields.includes(f.key) && f.key !== 'organization').map((f) => f.label);
  return (
    <Card size="small" title={t.imports.mapping} data-testid="import-mapping">
      <Space direction="vertical" style={{ width: '100%' }}>
        <div className="muted">{t.imports.mappingHelp(outcome.headerRow)}</div>
        {outcome.rememberedMapping && <Alert type="info" showIcon title={t.imports.remembered} />}
        {missing.length > 0 && <Alert type="warning" showIcon title={t.imports.missing(missing)} />}
        {missing.length === 0 && outcome.missingFields.includes('organization') && <Alert type="warning" showIcon title={t.imports.organizationMissing} />}
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))', gap: 8 }}>
          {fields.map((f) => (
            <Space key={f.key} style={{ justifyContent: 'space-between' }}>
              <span>
                {f.label} {f.required && <Tag color="orange">{t.common.required}</Tag>}
              </span>
              <Select
                aria-label={f.label}
                style={{ width: 200 }}
                value={mapping[f.key] ?? -1}
                options={options}
                onChange={(v: number) => onChange({ ...mapping, [f.key]: v < 0 ? null : v })}
              />
            </Space>
          ))}
        </div>
      </Space>
    </Card>
  );
}
