import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { AccountFilters } from '../components/AccountFilters.js';
import { AccountFormModal } from '../components/AccountFormModal.js';
import { AccountTable } from '../components/AccountTable.js';
import { useAccountQuery } from '../hooks/accountQuery.js';
import { usePagedList } from '../hooks/pagedList.js';
import { useTableHeight } from '../hooks/useTableHeight.js';
import { AddButton } from '../components/PageParts.js';
import { t } from '../strings.js';

export function AccountsPage() {
  const [query, setQuery] = useAccountQuery();
  const list = usePagedList('accounts.search', query);
  const [adding, setAdding] = useState(false);
  const height = useTableHeight(270);
  const navigate = useNavigate();
  const filtered = Object.keys(query).length > 0;
  return (
    <div className="page">
      <div className="toolbar">
        <h2 className="page-title">{t.nav.accounts}</h2>
        <AddButton needs="accounts.create" label={t.account.add} onClick={() => setAdding(true)} />
      </div>
      <AccountFilters query={query} onChange={setQuery} />
      <AccountTable list={list} height={height} emptyText={filtered ? t.account.empty : t.account.emptyRegister} />
      <AccountFormModal open={adding} onClose={() => setAdding(false)} onSaved={(a) => navigate(`/accounts/${a.id}`)} />
    </div>
  );
}
