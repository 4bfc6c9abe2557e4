// The guides in docs/ run as written: every ```ts block runs (checking its
// `//=>` and `// throws` comments) and typechecks; ```tsx and Vue blocks
// typecheck against small framework shims; module files shown in full are
// valid; and every relative link resolves. A block preceded by
// `<!-- file: path -->` is written to that path in a scratch project, where
// the guide's snippets run (`<!-- file: path, invalid -->` for a file that is
// broken on purpose). A block preceded by `<!-- output -->` is what the
// snippet before it prints with console.log.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { RESPONSE_ISSUE_CODES } from 'quizkit';
import { parseModuleSource } from 'quizkit/node';
import { LIMITS, QUIZ_ISSUE_CODES, QuestionSchema, toModuleJsonSchema } from 'quizkit/schema';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ts from 'typescript';
import { parseDocument } from 'yaml';
import { beginRun, endRun } from './example-runtime.js';
import { ROOT, instrument, isTypeOnly, markdownBlocks, publicExports, removeScratch, scratchDir, typecheck, writeSnippet } from './examples-lib.js';

const GUIDES = ['docs/getting-started.md', 'docs/authoring.md', 'docs/integration.md'];
const runtime = join(ROOT, 'tests/docs/example-runtime.ts');
const scratch = scratchDir('docs-guides');
afterAll(() => removeScratch(scratch));

const SHIMS = `
// Just enough of React and Vue to typecheck the guides' components against quizkit's real types.
declare module 'react' {
  export type Dispatch<A> = (value: A) => void;
  export type SetStateAction<S> = S | ((previous: S) => S);
  export function useState<S>(initial: S | (() => S)): [S, Dispatch<SetStateAction<S>>];
  export function useState<S = undefined>(): [S | undefined, Dispatch<SetStateAction<S | undefined>>];
  export function useMemo<T>(factory: () => T, deps: readonly unknown[]): T;
  export interface FormEvent { preventDefault(): void }
}
declare module 'react/jsx-runtime' {
  export namespace JSX {
    type Element = unknown;
    interface Attributes {
      [attribute: string]: unknown;
      onChange?: (event: { target: { checked: boolean; value: string } }) => void;
      onSubmit?: (event: { preventDefault(): void }) => void;
      onClick?: (event: unknown) => void;
    }
    interface IntrinsicElements { [name: string]: Attributes }
    interface IntrinsicAttributes { key?: string | number }
  }
  export const jsx: unknown;
  export const jsxs: unknown;
  export const Fragment: unknown;
}
declare module 'vue' {
  export interface Ref<T> { value: T }
  export function ref<T>(value: T): Ref<T>;
  export function ref<T = undefined>(): Ref<T | undefined>;
  export function computed<T>(getter: () => T): { readonly value: T };
}
declare module '*.vue' {
  const component: unknown;
  export default component;
}
// A script, not a module (no top-level import or export), so the declarations above are ambient.
declare function defineProps<T>(): T;
declare function defineEmits<T>(): T;
`;

interface Block {
  readonly lang: string;
  readonly line: number;
  readonly code: string;
  /** The file the guide asks the reader to save this block as. */
  readonly file?: string;
  readonly invalid: boolean;
  /** Whether the block is the printed output of the snippet before it. */
  readonly output: boolean;
  /** The repository file this block copies (`<!-- example: path -->`). */
  readonly example?: string;
}

function blocksOf(markdown: string): Block[] {
  const lines = markdown.split('\n');
  return markdownBlocks(markdown).map((block) => {
    // The fence is on line `block.line - 1`; the marker, if any, right above it.
    const above = lines[block.line - 3] ?? '';
    const marker = /^<!--\s*file:\s*([^,\s]+)(,\s*invalid)?\s*-->$/.exec(above);
    const output = /^<!--\s*output\s*-->$/.test(above);
    // A copy of a file in the repository (e.g. examples/frameworks/): checked where it lives, and equal to it here.
    const example = /^<!--\s*example:\s*(\S+)\s*-->$/.exec(above)?.[1];
    return { ...block, output, invalid: Boolean(marker?.[2]), ...(marker?.[1] ? { file: marker[1] } : {}), ...(example ? { example } : {}) };
  });
}

const isModuleFile = (block: Block) =>
  (block.lang === 'yaml' && /^# yaml-language-server: \$schema=/.test(block.code) && /^quizzes:/m.test(block.code)) ||
  (block.lang === 'json' && /"\$schema":\s*"[^"]*quiz\.schema\.json"/.test(block.code) && /"quizzes"/.test(block.code));

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^```/.test(line)) inFence = !inFence;
    const heading = !inFence && /^#{1,6}\s+(.*)$/.exec(line);
    if (!heading) continue;
    const slug = (heading[1] ?? '')
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

const { exports } = publicExports();

for (const guide of GUIDES) {
  const markdown = readFileSync(join(ROOT, guide), 'utf8');
  const blocks = blocksOf(markdown);
  const project = join(scratch, guide.replace(/[^A-Za-z0-9]+/g, '_'));
  const name = (block: Block) => `${guide}:${block.line}`;

  describe(guide, () => {
    let cwd = process.cwd();
    beforeEach(() => {
      // The reader's project: the files the guide asks them to save.
      for (const block of blocks.filter((b) => b.file)) {
        const target = join(project, block.file ?? '');
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, `${block.code}\n`);
      }
      mkdirSync(project, { recursive: true });
      cwd = process.cwd();
      process.chdir(project);
    });
    afterEach(() => process.chdir(cwd));

    const copies = blocks.filter((block) => block.example !== undefined);
    if (copies.length > 0) {
      it.each(copies.map((block) => [name(block), block] as const))('%s is the file it says it is, verbatim', (_id, block) => {
        expect(`${block.code}\n`).toBe(readFileSync(join(ROOT, block.example!), 'utf8'));
      });
    }

    const runnable = blocks.filter((block) => block.lang === 'ts' && !isTypeOnly(block.code) && block.example === undefined);
    it.each(runnable.map((block) => [name(block), block] as const))('%s runs', async (id, block) => {
      const { code, claims } = instrument(block.code, runtime);
      const file = writeSnippet(scratch, `run-${id}`, code);
      const printed: string[] = [];
      const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
        printed.push(format(...args));
      });
      try {
        beginRun(claims);
        await import(/* @vite-ignore */ pathToFileURL(file).href);
        await endRun();
      } finally {
        log.mockRestore();
      }
      const next = blocks[blocks.indexOf(block) + 1];
      if (next?.output) expect(printed.join('\n'), `the output shown at ${name(next)}`).toBe(next.code);
    });

    it('its TypeScript, React and Vue snippets typecheck', { timeout: 120_000 }, () => {
      const check = join(project, '.check');
      mkdirSync(check, { recursive: true });
      const written = blocks.filter((block) => block.example === undefined).flatMap((block) => {
        // A block saved under a file name is checked there, so `./QuizForm` imports resolve.
        const place = (code: string, ext: string) =>
          block.file ? join(project, block.file) : writeSnippet(check, `check-${name(block)}`, `${code}\nexport {};\n`, ext);
        if (block.lang === 'ts' || block.lang === 'tsx') return [{ block, file: place(block.code, block.lang) }];
        if (block.lang === 'vue') {
          const script = /<script setup lang="ts">\n([\s\S]*?)<\/script>/.exec(block.code)?.[1];
          return script === undefined ? [] : [{ block, file: writeSnippet(check, `check-${name(block)}`, `${script}\nexport {};\n`) }];
        }
        return [];
      });
      if (written.length === 0) return;
      const shims = writeSnippet(check, 'shims', SHIMS, 'd.ts');
      const errors = typecheck(
        written.map((w) => w.file),
        { jsx: ts.JsxEmit.ReactJSX, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'] },
        [shims],
      ).map((error) => {
        const source = written.find((w) => w.file === error.file);
        return source ? `${name(source.block)} ${error.message.replace(/^\S+?:(\d+):(\d+)/, 'snippet line $1:$2')}` : error.message;
      });
      expect(errors).toEqual([]);
    });

    it('its plain pages import what the package exports, through their import map, and typecheck as JavaScript', () => {
      const pages = blocks.filter((block) => block.lang === 'html');
      const problems: string[] = [];
      const files: { block: Block; file: string }[] = [];
      for (const block of pages) {
        const map = /<script type="importmap">([\s\S]*?)<\/script>/.exec(block.code)?.[1];
        const imports = map ? (JSON.parse(map) as { imports: Record<string, string> }).imports : {};
        for (const [, script] of block.code.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)) {
          for (const [, names, specifier] of (script ?? '').matchAll(/import\s*\{([^}]*)\}\s*from\s*'([^']+)'/g)) {
            if (!imports[specifier ?? '']) problems.push(`${name(block)}: the import map has no "${specifier}"`);
            for (const imported of (names ?? '').split(',').map((n) => n.trim()).filter(Boolean)) {
              if (!exports.some((e) => e.entry === specifier && e.name === imported && e.kind === 'value')) {
                problems.push(`${name(block)}: "${specifier}" exports no value "${imported}"`);
              }
            }
          }
          files.push({ block, file: writeSnippet(join(project), `page-${name(block)}-${files.length}`, `${script}\nexport {};\n`, 'js') });
        }
      }
      // Plain JavaScript: quizkit's types flow in from the imports, so a misspelled function or field is an error.
      const errors = typecheck(
        files.map((f) => f.file),
        { allowJs: true, checkJs: true, strict: false, noImplicitAny: false, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'] },
      ).map((error) => {
        const source = files.find((f) => f.file === error.file);
        return source ? `${name(source.block)} ${error.message.replace(/^\S+?:(\d+):(\d+)/, 'script line $1:$2')}` : error.message;
      });
      expect([...problems, ...errors]).toEqual([]);
    });

    it('its module files are valid, and its other YAML and JSON blocks parse', () => {
      const problems: string[] = [];
      for (const block of blocks) {
        if (block.lang !== 'yaml' && block.lang !== 'json') continue;
        if (isModuleFile(block) || (block.file && !block.invalid)) {
          const result = parseModuleSource(block.code, { file: block.file ?? `block.${block.lang}` });
          if (!result.success) problems.push(`${name(block)}: ${result.issues.map((i) => `${i.line}:${i.column} ${i.code} ${i.message}`).join('; ')}`);
        } else if (block.lang === 'json') {
          try {
            JSON.parse(block.code.replace(/^\s*\/\/.*$/gm, ''));
          } catch (error) {
            problems.push(`${name(block)}: ${String(error)}`);
          }
        } else {
          const document = parseDocument(block.code);
          if (document.errors.length > 0) problems.push(`${name(block)}: ${document.errors[0]?.message}`);
        }
        if (block.invalid && parseModuleSource(block.code, { file: 'x.yaml' }).success) {
          problems.push(`${name(block)}: marked invalid, but it is a valid module`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('its relative links resolve, anchors and API pages included', () => {
      const broken: string[] = [];
      for (const [, target] of markdown.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (!target || /^[a-z]+:/.test(target)) continue;
        const [path = '', anchor] = target.split('#');
        if (path.startsWith('api/')) {
          // TypeDoc's pages: modules/<entry>.html and <kind>/<entry>.<export>.html (`/` in an entry becomes `_`).
          const page = /^api\/(?:modules\/([\w]+)|(?:functions|variables|types|interfaces|classes)\/([\w]+)\.(\w+))\.html$/.exec(path);
          const entry = (page?.[1] ?? page?.[2])?.replace(/_/g, '/');
          const known = page && exports.some((e) => e.entry === entry && (page[3] === undefined || e.name === page[3]));
          if (!known && path !== 'api/index.html') broken.push(target);
          continue;
        }
        const file = path === '' ? join(ROOT, guide) : resolve(dirname(join(ROOT, guide)), path);
        if (!existsSync(file)) {
          broken.push(target);
        } else if (anchor && file.endsWith('.md') && !anchorsOf(readFileSync(file, 'utf8')).has(anchor)) {
          broken.push(target);
        }
      }
      expect(broken).toEqual([]);
    });
  });
}

describe('docs/authoring.md covers the whole format', () => {
  const markdown = readFileSync(join(ROOT, 'docs/authoring.md'), 'utf8');
  const codes = (text: string) => new Set([...text.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]));
  const mentioned = codes(markdown);

  it('documents every field of the JSON Schema', () => {
    const fields = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node === null || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'properties' && value && typeof value === 'object') Object.keys(value).forEach((field) => fields.add(field));
        walk(value);
      }
    };
    walk(toModuleJsonSchema());
    expect([...fields].filter((field) => !mentioned.has(field))).toEqual([]);
  });

  it('is right that the schema needs no keyword newer than draft-07 (for the Red Hat YAML extension)', () => {
    const newer = ['$defs', '$anchor', '$dynamicRef', '$dynamicAnchor', 'prefixItems', 'unevaluatedProperties', 'unevaluatedItems', 'dependentRequired', 'dependentSchemas', 'minContains', 'maxContains'];
    const used = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node === null || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        used.add(key);
        walk(value);
      }
    };
    walk(toModuleJsonSchema());
    expect(newer.filter((keyword) => used.has(keyword))).toEqual([]);
  });

  it('documents every issue code, in its table', () => {
    const rows = markdown.split('\n').filter((line) => line.startsWith('| `'));
    const missing = QUIZ_ISSUE_CODES.filter((code) => !rows.some((row) => row.startsWith(`| \`${code}\` |`)));
    expect(missing).toEqual([]);
  });

  it('documents every limit with its value', () => {
    const rows = markdown.split('\n').filter((line) => line.startsWith('|'));
    const wrong = Object.entries(LIMITS).filter(
      ([key, value]) => !rows.some((row) => row.includes(`\`${key}\``) && row.replace(/[ ,_]/g, '').includes(`|${value}|`)),
    );
    expect(wrong).toEqual([]);
  });

  it('documents every scoring rule of every question type', () => {
    const missing = QuestionSchema.options.flatMap((option) =>
      option.shape.rule
        .unwrap()
        .options.map((rule) => rule.shape.name.value)
        .filter((rule) => !mentioned.has(rule))
        .map((rule) => `${option.shape.type.value}: ${rule}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('docs/integration.md', () => {
  it('names every response issue code a server may send back', () => {
    const markdown = readFileSync(join(ROOT, 'docs/integration.md'), 'utf8');
    expect(RESPONSE_ISSUE_CODES.filter((code) => !markdown.includes(`\`${code}\``))).toEqual([]);
  });
});
