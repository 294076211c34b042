/**
 * Subtree queries use the materialised path ('/1/5/12/') as an index range instead of LIKE:
 * every path below '/1/5/' sorts before '/1/50' because '/' (0x2F) is just below '0' (0x30).
 */
export function subtreeRange(treePath: string): { from: string; to: string } {
  return { from: treePath, to: treePath.slice(0, -1) + '0' };
}
