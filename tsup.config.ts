import { readFileSync, rmSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

const library = {
  entry: {
    index: 'src/index.ts',
    analytics: 'src/analytics/index.ts',
    attempts: 'src/attempts/index.ts',
    behaviours: 'src/behaviours/index.ts',
    player: 'src/player/index.ts',
    'player-react': 'src/player/react.ts',
    'player-vue': 'src/player/vue.ts',
    schema: 'src/schema/index.ts',
    modules: 'src/modules/index.ts',
    xapi: 'src/xapi/index.ts',
    qti: 'src/qti/index.ts',
    gift: 'src/gift/index.ts',
    node: 'src/node/index.ts',
    server: 'src/server/index.ts',
    'server-node': 'src/server/node.ts',
    'server-sqlite': 'src/server/sqlite.ts',
    'server-postgres': 'src/server/postgres.ts',
  },
  target: 'es2022',
  // dist/ is emptied once, below: the configs build at the same time, so none may clean.
  clean: false,
  // One copy of shared code (errors, schemas) across entries, in CJS too, so
  // `instanceof` and schema identity hold between `quizkit` and `quizkit/schema`.
  splitting: true,
  // tsup passes `baseUrl` to its own d.ts compile; TS 6 flags it (TOOLCHAIN pitfall 1).
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
} as const;

// Empty dist/ before any config starts (tsup's per-config `clean` would race between them).
rmSync('dist', { recursive: true, force: true });

export default defineConfig([
  {
    ...library,
    format: ['esm'],
    // The browser player for `quizkit preview`, bundled from the dist/ just built.
    onSuccess: 'tsx examples/player/build.ts dist/player',
  },
  {
    ...library,
    format: ['cjs'],
    // nanoid 5 is ESM only: bundled into the CommonJS build, `require('quizkit/attempts')`
    // works without require(esm) (Jest, `node --no-experimental-require-module`).
    noExternal: ['nanoid'],
  },
  {
    // The authors' CLI: one executable ESM file with its shebang, no types.
    entry: { cli: 'src/cli/index.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    splitting: false,
    dts: false,
    define: { __QUIZKIT_VERSION__: JSON.stringify(version) },
  },
]);
