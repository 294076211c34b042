/** The organization tree, loaded once and shared by every page; reload() after a change. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { OrganizationNode } from '../../src/contract/organizations.js';
import { call } from '../api.js';

export interface TreeOption {
  value: number;
  title: string;
  key: number;
  children: TreeOption[];
  node: OrganizationNode;
}

interface OrganizationsState {
  nodes: OrganizationNode[];
  byId: Map<number, OrganizationNode>;
  tree: TreeOption[];
  loading: boolean;
  error: string | null;
  reload(): Promise<void>;
}

const OrganizationsContext = createContext<OrganizationsState | null>(null);

export function buildTree(nodes: OrganizationNode[]): TreeOption[] {
  const options = new Map<number, TreeOption>();
  const roots: TreeOption[] = [];
  for (const node of nodes) options.set(node.id, { value: node.id, key: node.id, title: node.fullName, children: [], node });
  for (const node of nodes) {
    const option = options.get(node.id)!;
    const parent = node.parentId === null ? undefined : options.get(node.parentId);
    (parent ? parent.children : roots).push(option);
  }
  return roots;
}

export function OrganizationsProvider({ children }: { children: ReactNode }) {
  const [nodes, setNodes] = useState<OrganizationNode[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setNodes(await call('organizations.tree', {}));
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  const value = useMemo(
    () => ({ nodes, byId: new Map(nodes.map((n) => [n.id, n])), tree: buildTree(nodes), loading, error, reload }),
    [nodes, loading, error, reload],
  );
  return <OrganizationsContext.Provider value={value}>{children}</OrganizationsContext.Provider>;
}

export function useOrganizations(): OrganizationsState {
  const state = useContext(OrganizationsContext);
  if (!state) throw new Error('useOrganizations outside OrganizationsProvider');
  return state;
}
