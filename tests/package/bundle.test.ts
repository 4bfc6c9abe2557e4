// What a frontend pays for each entry point: an esbuild bundle (browser,
// minified, ESM) of an import from the BUILT package, resolved through our own
// `exports` map as a consumer's bundler would, then gzipped (zlib level 6, as
// `gzip` does by default). Needs `dist/` (npm test builds first).
import { type Plugin, build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

type Exports = Record<string, string | { import?: { default?: string } }>;

/** Resolves `quizkit` and `quizkit/<sub>` to the file our exports map gives an ESM `import`. */
const ownPackage: Plugin = {
  name: 'quizkit-exports',
  setup(esbuild) {
    const exports = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { exports: Exports }).exports;
    esbuild.onResolve({ filter: /^quizkit(\/.*)?$/ }, ({ path }) => {
      const target = exports[`.${path.slice('quizkit'.length)}`];
      const file = typeof target === 'string' ? target : target?.import?.default;
      if (!file) return { errors: [{ text: `package.json exports no ESM import for "${path}"` }] };
      return { path: resolve(root, file) };
    });
  },
};

interface Bundle {
  /** Minified output, gzipped, in bytes. */
  readonly gzip: number;
  readonly code: string;
  /** npm packages that ended up in the bundle. */
  readonly packages: readonly string[];
}

async function bundle(contents: string): Promise<Bundle> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [ownPackage],
  });
  const code = result.outputFiles[0]!.text;
  const packages = new Set(
    Object.keys(result.metafile.inputs).flatMap((input) => {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      return match ? [match[1]!] : [];
    }),
  );
  return { gzip: gzipSync(code).length, code, packages: [...packages].sort() };
}

// Budgets, gzip bytes. Each says what it was set at and why; raising one needs
// a comment naming the change that raised it and why that change is worth it.

// `import * as quizkit from 'quizkit'`: the whole core entry. Set at 6,000, the
// target in issue #9 ("the core entry ≤ 6 kB gzip"), when it measured 5,416 with
// all four question types, the nine ordering rules, response checks, answer keys
// and formatFraction. Do not raise it without revisiting that target.
// Raised to 6,600 by issue #13.5–7 (src/scoring/read-response.ts: every untrusted
// response read once, by index and own descriptor, into plain data, so a Proxy, a
// throwing getter or an own Symbol.iterator can neither throw nor score a wrong
// answer as right; plus the deep-frozen check that keeps per-question caches true):
// 6,338 measured. Worth it: without it a wrong answer could score full credit.
// The 6 kB target of issue #9 needs revisiting by whoever owns it.
// Raised to 9,200 by issue #19 (`compileQuiz`: the plan's integer tallies per
// question type, the common-denominator and pass-threshold arithmetic, and the
// shared explainer), measured 8,953 B (6,350 B on main before it), 2.8 %
// headroom. The whole entry carries every export; bundles that import
// `scoreQuiz` without `compileQuiz` shake the plan off (checked below).
const CORE_BUDGET = 9_200;

// `import { scoreQuiz } from 'quizkit'`. First set at 4,500 when the scoring
// engine landed (3.2 kB then, with the ordering rules still a stub). Raised to
// 5,200 when the ordering rules landed (src/questions/ordering/measures.ts, lis.ts,
// inversions.ts: Moodle's nine grading types with per-item scores and statistic
// texts, +1.3 kB): 4,740 measured, and about 10% headroom. Raised to 5,800 by
// issue #13.5–7 (the read-once response reader and the frozen-cache check, see
// CORE_BUDGET): 5,578 measured. Raised to 6,100 by issue #19: `scoreQuiz` runs on
// the explainer it shares with `compileQuiz` (readers, objective and section
// groups and points derived once per frozen quiz, each response read once),
// measured 5,903 B (5,589 B on main before it), 3.3 % headroom; none of the
// plan's code is in it (checked below).
const SCORE_QUIZ_BUDGET = 6_100;

// `import { compileQuiz } from 'quizkit'`: the plan (integer tallies, pass
// threshold) plus the explainer and scoring engine that `explain()` uses. Set at
// 8,300 when it landed (issue #19), measured 8,049 B, 3.1 % headroom.
const COMPILE_QUIZ_BUDGET = 8_300;

// `import * as schema from 'quizkit/schema'`: zod included, since that entry
// exists to hand out zod schemas. Set at 39,000 when it measured 35,717 (zod 4
// classic, `import * as z`, plus the module and four question schemas, the
// issue mapping and the JSON Schema export), about 10% headroom. An `import { z }`
// form in the source would push it past 90 kB (TOOLCHAIN.md, pitfall 3).
const SCHEMA_BUDGET = 39_000;

// `import * as attempts from 'quizkit/attempts'`: scoring plus seeded order,
// learner views, save/resume and nanoid's browser build. Set at 12,500 when
// the attempts layer landed (measured about 11 kB); raised to 14,500 by issue
// #12 (facts-only saved attempts, HMAC sealing, review policies), measured 13,087 B.
// Raised to 17,500 by issue #15 (tries as facts: checkAnswer, and every attempt
// whose quiz names a behaviour marked by Moodle's behaviours, which now live in
// this entry too), measured 16,627 B: an attempt cannot be marked right without them.
const ATTEMPTS_BUDGET = 17_500;

// `import * as behaviours from 'quizkit/behaviours'`: `scoreTries` (Moodle's
// behaviours over exact fractions) plus the scoring engine it runs each try
// through. Its own entry so the core stays small: in `quizkit` it added
// 1,086 B (issue #15). Set at 6,900 when the entry landed (measured 6,243 B).
const BEHAVIOURS_BUDGET = 6_900;

// `import * as analytics from 'quizkit/analytics'`: the item-analysis state,
// merge and report over BigInt fractions; no scoring engine, no zod. Set at
// 3,100 when the entry landed (issue #16, measured 2,757 B).
const ANALYTICS_BUDGET = 3_100;

// `import * as xapi from 'quizkit/xapi'`: statements, interactions, SHA-1 for
// v5 ids, and the scoring engine they report. Set at 10,500 when the entry
// landed (measured 9,514 B). Raised to 11,200 by issue #15 (an answered statement
// per checked try, in timestamp order), measured 10,604 B.
const XAPI_BUDGET = 11_200;

// `import * as qti from 'quizkit/qti'`: XML writers, custom response
// processing and fflate's zip. Set at 12,000 when the entry landed (measured 10,446 B).
const QTI_BUDGET = 12_000;

// `import * as gift from 'quizkit/gift'`: exporters plus the GIFT importer,
// which validates through the zod schemas. Set at 47,000 when the entry landed
// (measured 42.6 kB, mostly zod).
const GIFT_BUDGET = 47_000;

// `import { toGift, toMoodleXml } from 'quizkit/gift'`: the exporters alone
// shake off the importer and nearly all of zod. Set at 6,000 when they landed
// (measured 5.3 kB). Raised to 6,600 by issue #18.9 (the `// [quizkit:…]` comments
// that carry ids, rules and credits through a GIFT round trip) and #15 (the
// behaviour-dropped note): measured 6,080 B.
const GIFT_EXPORT_BUDGET = 6_600;

// `import * as server from 'quizkit/server'`: the exam handler, memory store,
// learner tokens (Web Crypto) and the attempts layer it drives; bundled for the
// browser platform, which also proves it imports nothing from Node (it must
// run on edge runtimes). Set at 18,000 when the entry landed (issue #12): it
// measured 15,006 B on its branch and 16,459 B merged with the attempts layer
// of the same issue (derived-data checks, sealing); about 10% headroom over that.
// Raised to 20,700 by issue #15 (the attempts layer it drives marks behaviours
// and tries), measured 19,672 B.
const SERVER_BUDGET = 20_700;

// `import { definePlayer } from 'quizkit/player'`: the custom element, its
// screens, the English and French message tables, the stylesheet, the exam
// client, and (loaded only in practice mode, inlined here) the attempts engine.
// Set at 32,500 when the entry landed (issue #14): measured 30,283 B, of which
// about 13 kB is the attempts engine that exam-mode pages never load (a split
// build keeps it in its own chunk) and about 2 kB the French table.
// Raised to 36,000 by issue #15 (Check, hints and certainty in the player, and
// the attempts engine's behaviours in its practice chunk), measured 34,428 B.
const PLAYER_BUDGET = 36_000;

const cases = [
  { name: 'quizkit/player { definePlayer }', source: `import { definePlayer } from 'quizkit/player'; definePlayer();`, budget: PLAYER_BUDGET },
  { name: 'quizkit (whole entry)', source: `import * as quizkit from 'quizkit'; console.log(quizkit);`, budget: CORE_BUDGET },
  { name: 'quizkit { scoreQuiz }', source: `import { scoreQuiz } from 'quizkit'; console.log(scoreQuiz);`, budget: SCORE_QUIZ_BUDGET },
  { name: 'quizkit { compileQuiz }', source: `import { compileQuiz } from 'quizkit'; console.log(compileQuiz);`, budget: COMPILE_QUIZ_BUDGET },
  { name: 'quizkit/schema (whole entry)', source: `import * as schema from 'quizkit/schema'; console.log(schema);`, budget: SCHEMA_BUDGET },
  { name: 'quizkit/attempts (whole entry)', source: `import * as attempts from 'quizkit/attempts'; console.log(attempts);`, budget: ATTEMPTS_BUDGET },
  { name: 'quizkit/behaviours (whole entry)', source: `import * as behaviours from 'quizkit/behaviours'; console.log(behaviours);`, budget: BEHAVIOURS_BUDGET },
  { name: 'quizkit/analytics (whole entry)', source: `import * as analytics from 'quizkit/analytics'; console.log(analytics);`, budget: ANALYTICS_BUDGET },
  { name: 'quizkit/xapi (whole entry)', source: `import * as xapi from 'quizkit/xapi'; console.log(xapi);`, budget: XAPI_BUDGET },
  { name: 'quizkit/qti (whole entry)', source: `import * as qti from 'quizkit/qti'; console.log(qti);`, budget: QTI_BUDGET },
  { name: 'quizkit/gift (whole entry)', source: `import * as gift from 'quizkit/gift'; console.log(gift);`, budget: GIFT_BUDGET },
  { name: 'quizkit/server (whole entry)', source: `import * as server from 'quizkit/server'; console.log(server);`, budget: SERVER_BUDGET },
  { name: 'quizkit/gift { toGift, toMoodleXml }', source: `import { toGift, toMoodleXml } from 'quizkit/gift'; console.log(toGift, toMoodleXml);`, budget: GIFT_EXPORT_BUDGET },
];

const sourceOf = (name: string): string => {
  const found = cases.find((entry) => entry.name === name);
  if (!found) throw new Error(`no bundle case named "${name}"`);
  return found.source;
};

beforeAll(() => {
  if (!existsSync(resolve(root, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run build` first');
});

describe('bundle size budgets (esbuild, browser, minified, gzip)', () => {
  it.each(cases)('$name stays within its budget', async ({ name, source, budget }) => {
    const { gzip, packages } = await bundle(source);
    console.log(`${name}: ${gzip} B gzip (budget ${budget})${packages.length ? `, packages: ${packages.join(', ')}` : ''}`);
    expect(gzip).toBeLessThanOrEqual(budget);
  });
});

describe('the core entry', () => {
  it('bundles without zod', async () => {
    const { code, packages } = await bundle(`import * as quizkit from 'quizkit'; console.log(quizkit);`);
    expect(packages).not.toContain('zod');
    expect(code).not.toMatch(/ZodObject|ZodError|\$ZodType/);
  });

  it('tree-shakes: scoreQuiz alone is smaller than the whole entry', async () => {
    const [whole, scoreQuiz] = await Promise.all([bundle(sourceOf('quizkit (whole entry)')), bundle(sourceOf('quizkit { scoreQuiz }'))]);
    expect(scoreQuiz.gzip).toBeLessThan(whole.gzip);
  });

  it('tree-shakes: scoreQuiz alone leaves out the compiled plan', async () => {
    // `Number.MAX_SAFE_INTEGER` is the plan's safe-integer bound (src/scoring/compile/plan.ts); nothing on scoreQuiz's path uses it.
    const [compileQuiz, scoreQuiz] = await Promise.all([bundle(sourceOf('quizkit { compileQuiz }')), bundle(sourceOf('quizkit { scoreQuiz }'))]);
    expect(compileQuiz.code).toContain('MAX_SAFE_INTEGER');
    expect(scoreQuiz.code).not.toContain('MAX_SAFE_INTEGER');
    expect(scoreQuiz.gzip).toBeLessThan(compileQuiz.gzip);
  });
});

describe('the budget check itself', () => {
  it('would catch zod in a bundle', async () => {
    const { packages, gzip } = await bundle(`import * as schema from 'quizkit/schema'; console.log(schema);`);
    expect(packages).toContain('zod');
    expect(gzip).toBeGreaterThan(CORE_BUDGET);
  });
});
