/**
 * The arrows of design.md's picture, checked by dependency-cruiser in the test command: a file imports only from
 * the layers below it, never up and never in a circle. Type-only imports count (tsPreCompilationDeps).
 * Layers from the top: hosts → dispatch → jobs → reports → services → db → contract → domain, i18n.
 * (Babel strips the types so dependency-cruiser can read TypeScript 7 sources, whose compiler has no JS API.)
 */
const core = (...layers) => `^src/(${layers.join('|')})/`;
const forbid = (name, comment, from, to) => ({ name, comment, severity: 'error', from: { path: from }, to: { path: to } });

module.exports = {
  forbidden: [
    { name: 'no-circular', comment: 'Import cycles tie features together; break them by moving the shared piece down.', severity: 'error', from: {}, to: { circular: true } },
    forbid('window-sees-only-the-contract', 'The window imports the contract and pure domain helpers, nothing else of the core.', '^renderer/', '^src/(?!contract/|domain/|i18n/)'),
    forbid('core-without-electron-or-window', 'The core runs under plain Node (CLI, tests, browser mode).', '^src/', '^(electron|renderer)/|^node_modules/(electron|react|react-dom|antd)/'),
    forbid('contract-is-a-leaf', 'The contract imports only the domain, the messages and zod.', core('contract'), '^src/(?!contract/|domain/|i18n/)'),
    forbid('domain-is-pure', 'Pure rules: no store, no services, no hosts.', core('domain', 'i18n'), '^src/(?!domain/|i18n/)'),
    forbid('db-below-services', 'The store knows nothing of what is built on it.', core('db'), core('services', 'reports', 'jobs', 'imports', 'dispatch', 'hosts', 'demo')),
    forbid('services-below-dispatch', 'Services never reach the registry, hosts, jobs or reports.', core('services'), core('dispatch', 'hosts', 'jobs', 'reports', 'imports', 'demo')),
    forbid('features-below-dispatch', 'Reports, imports and the demo never reach the registry or the hosts.', core('reports', 'imports', 'demo'), core('dispatch', 'hosts', 'jobs')),
    forbid('jobs-below-dispatch', 'Jobs run features; the registry and hosts sit above them.', core('jobs'), core('dispatch', 'hosts')),
    forbid('dispatch-below-hosts', 'Hosts build the registry, not the other way round.', core('dispatch'), core('hosts')),
    forbid('no-tests-in-product', 'Nothing shipped imports tests or benchmarks.', '^(src|electron|renderer)/', '^(test|bench)/'),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    babelConfig: { fileName: 'test/deps/babel-typescript.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
