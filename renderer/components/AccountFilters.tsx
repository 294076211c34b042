import { Checkbox, Input, Select } from 'antd';
import { ACCOUNT_KINDS, CAPACITIES, FILING_STATES, REGIONS, REQUIRED_FILINGS } from '../../src/domain/vocabulary.js';
import type { AccountQuery } from '../hooks/accountQuery.js';
import { useLedgerSettings } from '../hooks/settings.js';
import { t } from '../strings.js';
import { OrgTreeSelect } from './OrgTreeSelect.js';

const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

export function AccountFilters({ query, onChange }: { query: AccountQuery; onChange: (q: AccountQuery) => void }) {
  const settings = useLedgerSettings();
  const set = (patch: Partial<AccountQuery>) => onChange({ ...query, ...patch });
  const select = (key: 'platform' | 'region' | 'capacity' | 'kind' | 'requiredFiling', label: string, values: readonly string[], width = 130) => (
    <Select allowClear placeholder={label} style={{ width }} value={query[key]} onChange={(v) => set({ [key]: v } as Partial<AccountQuery>)} options={options(values)} />
  );
  return (
    <div className="toolbar">
      <Input.Search
        allowClear
        placeholder={t.account.search}
        style={{ width: 280 }}
        defaultValue={query.q}
        onSearch={(q) => set({ q })}
        data-testid="account-search"
      />
      <OrgTreeSelect allowClear placeholder={t.member.allOrganizations} value={query.organizationId} onChange={(organizationId) => set({ organizationId })} />
      {select('platform', t.account.allPlatforms, settings?.platforms ?? [], 140)}
      {select('region', t.account.region, REGIONS, 110)}
      {select('capacity', t.account.capacity, CAPACITIES, 120)}
      {select('kind', t.account.kind, ACCOUNT_KINDS, 110)}
      {select('requiredFiling', t.account.requiredFiling, REQUIRED_FILINGS, 100)}
      <Select
        mode="multiple"
        allowClear
        placeholder={t.account.allStates}
        style={{ minWidth: 160 }}
        value={query.filingStates ?? []}
        onChange={(filingStates) => set({ filingStates })}
        options={options(FILING_STATES)}
      />
      <Checkbox checked={query.overdue === true} onChange={(e) => set({ overdue: e.target.checked || undefined })}>
        {t.account.onlyOverdue}
      </Checkbox>
    </div>
  );
}
