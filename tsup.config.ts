import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    attempts: 'src/attempts/index.ts',
    schema: 'src/schema/index.ts',
    modules: 'src/modules/index.ts',
    node: 'src/node/index.ts',
  },
  format: ['esm', 'cjs'],
  target: 'es2022',
  clean: true,
  // One copy of shared code (errors, schemas) across entries, in CJS too, so
  // `instanceof` and schema identity hold between `quizkit` and `quizkit/schema`.
  splitting: true,
  // tsup passes `baseUrl` to its own d.ts compile; TS 6 flags it (TOOLCHAIN pitfall 1).
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
});
