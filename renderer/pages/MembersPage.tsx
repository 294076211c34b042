import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { MemberFilters } from '../components/MemberFilters.js';
import { MemberFormModal } from '../components/MemberFormModal.js';
import { MemberTable } from '../components/MemberTable.js';
import { usePagedList, type PagedQuery } from '../hooks/pagedList.js';
import { useOrganizations } from '../hooks/organizations.js';
import { useTableHeight } from '../hooks/useTableHeight.js';
import { AddButton } from '../components/PageParts.js';
import { t } from '../strings.js';

export function MembersPage() {
  const [query, setQuery] = useState<PagedQuery<'members.search'>>({ statuses: ['在册'] });
  const [adding, setAdding] = useState(false);
  const list = usePagedList('members.search', query);
  const height = useTableHeight(260);
  const navigate = useNavigate();
  const organizations = useOrganizations();
  const filtered = Boolean(query.q || query.organizationId || query.statuses?.length);
  return (
    <div className="page">
      <div className="toolbar">
        <h2 className="page-title">{t.nav.members}</h2>
        <AddButton needs="members.create" label={t.member.add} onClick={() => setAdding(true)} />
      </div>
      <MemberFilters query={query} onChange={setQuery} />
      <MemberTable list={list} height={height} emptyText={filtered ? t.member.empty : t.member.emptyRegister} />
      <MemberFormModal
        open={adding}
        onClose={() => setAdding(false)}
        onSaved={(m) => {
          setAdding(false);
          void organizations.reload();
          navigate(`/members/${m.id}`);
        }}
      />
    </div>
  );
}
