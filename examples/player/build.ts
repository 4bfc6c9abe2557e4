/**
 * Builds the reference player: `player.ts` and its lazily loaded chunks,
 * bundled with esbuild for the browser, plus `index.html` and `player.css`.
 *
 * The player imports quizkit by its package name (`quizkit`,
 * `quizkit/attempts`, `quizkit/modules`). The build resolves those names
 * through `package.json` `exports` to the built `dist/*.js`, exactly as a
 * user's bundler resolves an installed quizkit, so `dist/` must be built
 * first (`npx tsup`). The repository's `tsconfig.json` path aliases (which
 * point at `src/`) are deliberately not used.
 *
 * Run it as a script to write the player to a folder:
 *
 * ```sh
 * npx tsup && npx tsx examples/player/build.ts dist/player
 * ```
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';

/** The folder of the player's sources. */
export const PLAYER_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(PLAYER_DIR, '../..');

/** The Content-Security-Policy the player is written for; `quizkit preview` serves it too. */
export { PLAYER_CSP } from '../../src/cli/player-page.js';

/** One built file of the player. */
export interface PlayerFile {
  /** The file's bytes. */
  readonly contents: Uint8Array;
  /** Its `Content-Type`. */
  readonly type: string;
}

/** The built player. */
export interface PlayerBundle {
  /** Every file by its path in the player's folder (`index.html`, `player.js`, `chunks/…`). */
  readonly files: ReadonlyMap<string, PlayerFile>;
  /** esbuild's metafile: every input and output, for size and provenance checks. */
  readonly metafile: Metafile;
}

/** The options of {@link buildPlayer}. */
export interface BuildPlayerOptions {
  /** Minify the scripts (default true). */
  readonly minify?: boolean;
  /** Also write the files to this folder, replacing it. */
  readonly outdir?: string;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** The `Content-Type` for a file name. */
export function contentType(name: string): string {
  const dot = name.lastIndexOf('.');
  return TYPES[dot < 0 ? '' : name.slice(dot)] ?? 'application/octet-stream';
}

/**
 * Bundles the player from quizkit's built `dist/`. Practice mode's engine
 * code and the bundled module are separate chunks that exam mode never loads.
 *
 * @param options - Minify, and where to write the files.
 * @returns The files, in memory, and esbuild's metafile.
 */
export async function buildPlayer(options: BuildPlayerOptions = {}): Promise<PlayerBundle> {
  if (!existsSync(join(ROOT, 'dist/attempts.js'))) {
    throw new Error('The player is built from quizkit’s dist/: run `npx tsup` first');
  }
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { player: join(PLAYER_DIR, 'player.ts') },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: 'player-out',
    chunkNames: 'chunks/[name]-[hash]',
    minify: options.minify ?? true,
    // Keep quiz text readable in the bundle (and greppable in the key-leak test).
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    metafile: true,
    logLevel: 'silent',
    // No tsconfig paths: `quizkit` resolves through package.json exports, to dist/.
    tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
  });
  const files = new Map<string, PlayerFile>();
  const outRoot = join(ROOT, 'player-out');
  for (const file of result.outputFiles) {
    const name = relative(outRoot, file.path).split('\\').join('/');
    files.set(name, { contents: file.contents, type: contentType(name) });
  }
  for (const name of ['index.html', 'player.css']) {
    files.set(name, { contents: readFileSync(join(PLAYER_DIR, name)), type: contentType(name) });
  }
  if (options.outdir !== undefined) {
    const outdir = resolve(options.outdir);
    rmSync(outdir, { recursive: true, force: true });
    for (const [name, file] of files) {
      mkdirSync(dirname(join(outdir, name)), { recursive: true });
      writeFileSync(join(outdir, name), file.contents);
    }
  }
  return { files, metafile: result.metafile };
}

// `tsx examples/player/build.ts <outdir>`
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outdir = process.argv[2] ?? 'dist/player';
  const started = performance.now();
  const { files } = await buildPlayer({ outdir });
  const bytes = [...files.values()].reduce((sum, file) => sum + file.contents.length, 0);
  console.log(`player: ${files.size} files, ${(bytes / 1024).toFixed(1)} kB in ${outdir} (${Math.round(performance.now() - started)} ms)`);
}
