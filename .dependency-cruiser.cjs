/**
 * Module boundaries, checked by `npm run lint` (dependency-cruiser): see ARCHITECTURE.md, "Modules".
 * - A module imports another module only through that module's public face, its `index.ts`; a table file may
 *   reference another module's table file for its foreign keys.
 * - The platform imports no module (modules build on the platform, never the other way round).
 * - The shared contracts (zod schemas the web imports too) import neither the platform nor a module.
 */
module.exports = {
  forbidden: [
    {
      name: 'module-public-face',
      comment: 'Import another module only through its index.ts (its manifest and public functions).',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/', pathNot: '\\.tables\\.ts$' },
      to: {
        path: '^src/modules/[^/]+/',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'tables-reference-tables',
      comment:
        "A table file may reference another module's table file (foreign keys, for drizzle-kit) and nothing else of it.",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/.+\\.tables\\.ts$' },
      to: {
        path: '^src/modules/[^/]+/',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/(.+\\.tables|index)\\.ts$'],
      },
    },
    {
      name: 'platform-imports-no-module',
      comment: 'platform/ is what every module uses: it must not depend on any of them.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'contracts-stand-alone',
      comment: 'src/contracts is bundled into the web app: it may import only zod and other contracts.',
      severity: 'error',
      from: { path: '^src/contracts/' },
      to: { path: '^src/(platform|modules|demo)/' },
    },
    {
      name: 'no-circular-modules',
      comment: 'Two modules importing each other are one module, or need a third.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { circular: true, path: '^src/modules/', pathNot: '^src/modules/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
