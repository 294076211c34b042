/**
 * Subtree queries use the materialised path ('/1/5/12/') as an index range instead of LIKE:
 * every path below '/1/5/' sorts before '/1/50' because '/' (0x2F) is just below '0' (0x30).
 */
export function subtreeRange(treePath: string): { from: string; to: string } {
  return { from: treePath, to: treePath.slice(0, -1) + '0' };
}

/**
 * Which of the scope's direct children an organization lies under (its own id for the scope itself): the
 * rows of a per-branch breakdown. `scopePath` is '/' when the scope is every top-level organization.
 */
export function branchOf(scopePath: string, org: { id: number; tree_path: string }): number {
  return Number(org.tree_path.split('/')[scopePath.split('/').length - 1]) || org.id;
}
