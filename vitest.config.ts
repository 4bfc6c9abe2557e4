import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests import the package by name, as users do, but run against the source.
    alias: [
      { find: /^quizkit\/analytics$/, replacement: src('analytics/index.ts') },
      { find: /^quizkit\/player$/, replacement: src('player/index.ts') },
      { find: /^quizkit\/player\/react$/, replacement: src('player/react.ts') },
      { find: /^quizkit\/player\/vue$/, replacement: src('player/vue.ts') },
      { find: /^quizkit\/attempts$/, replacement: src('attempts/index.ts') },
      { find: /^quizkit\/behaviours$/, replacement: src('behaviours/index.ts') },
      { find: /^quizkit\/xapi$/, replacement: src('xapi/index.ts') },
      { find: /^quizkit\/qti$/, replacement: src('qti/index.ts') },
      { find: /^quizkit\/gift$/, replacement: src('gift/index.ts') },
      { find: /^quizkit\/schema$/, replacement: src('schema/index.ts') },
      { find: /^quizkit\/server$/, replacement: src('server/index.ts') },
      { find: /^quizkit\/server\/node$/, replacement: src('server/node.ts') },
      { find: /^quizkit\/server\/sqlite$/, replacement: src('server/sqlite.ts') },
      { find: /^quizkit\/server\/postgres$/, replacement: src('server/postgres.ts') },
      { find: /^quizkit\/node$/, replacement: src('node/index.ts') },
      { find: /^quizkit\/modules$/, replacement: src('modules/index.ts') },
      { find: /^quizkit$/, replacement: src('index.ts') },
    ],
  },
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    // Bundles the CLI once for the tests that spawn it (issue #18.6).
    globalSetup: ['tests/cli/global-setup.ts'],
    typecheck: { enabled: false },
  },
});
