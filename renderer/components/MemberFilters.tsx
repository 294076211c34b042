import { Checkbox, Input, Select } from 'antd';
import { MEMBER_STATUSES } from '../../src/domain/vocabulary.js';
import type { PagedQuery } from '../hooks/pagedList.js';
import { t } from '../strings.js';
import { OrgTreeSelect } from './OrgTreeSelect.js';

const SORTS = [
  { value: 'name', label: t.member.sortName },
  { value: 'birthDate', label: t.member.sortBirth },
  { value: 'joinedOn', label: t.member.sortJoined },
  { value: 'updatedAt', label: t.member.sortUpdated },
] as const;

interface Props {
  query: PagedQuery<'members.search'>;
  onChange: (query: PagedQuery<'members.search'>) => void;
  /** Hidden when the page already fixes the organization. */
  showOrganization?: boolean;
}

export function MemberFilters({ query, onChange, showOrganization = true }: Props) {
  return (
    <div className="toolbar">
      <Input.Search
        allowClear
        placeholder={t.member.search}
        style={{ width: 380 }}
        defaultValue={query.q}
        onSearch={(q) => onChange({ ...query, q })}
        onChange={(e) => e.target.value === '' && onChange({ ...query, q: '' })}
        data-testid="member-search"
      />
      {showOrganization && (
        <OrgTreeSelect
          allowClear
          placeholder={t.member.allOrganizations}
          value={query.organizationId}
          onChange={(organizationId) => onChange({ ...query, organizationId })}
        />
      )}
      {showOrganization && (
        <Checkbox checked={query.includeSubtree !== false} onChange={(e) => onChange({ ...query, includeSubtree: e.target.checked })}>
          {t.member.includeSubtree}
        </Checkbox>
      )}
      <Select
        mode="multiple"
        allowClear
        placeholder={t.member.allStatuses}
        style={{ minWidth: 160 }}
        value={query.statuses ?? []}
        onChange={(statuses) => onChange({ ...query, statuses })}
        options={MEMBER_STATUSES.map((s) => ({ value: s, label: s }))}
      />
      <Select
        style={{ width: 140 }}
        value={query.sort ?? 'name'}
        onChange={(sort) => onChange({ ...query, sort })}
        options={SORTS.map((s) => ({ ...s }))}
      />
    </div>
  );
}
