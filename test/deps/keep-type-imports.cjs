/**
 * Babel strips `import type` before dependency-cruiser sees the file, but design.md counts type-only imports as
 * arrows too. This plugin turns each type-only import or re-export into a bare import of the same module. It works
 * on Program entry because the TypeScript preset removes type imports there, before per-node visitors run.
 */
module.exports = function keepTypeImports({ types: t }) {
  const typeOnly = (node) =>
    node.source &&
    (node.importKind === 'type' ||
      node.exportKind === 'type' ||
      (node.specifiers ?? []).some((s) => s.importKind === 'type' || s.exportKind === 'type'));
  return {
    visitor: {
      Program: {
        enter(path) {
          const bare = path.node.body.filter(typeOnly).map((node) => t.importDeclaration([], t.stringLiteral(node.source.value)));
          path.node.body.unshift(...bare);
        },
      },
    },
  };
};
