// Finds the public exports of every entry point and their TSDoc `@example`s,
// turns `//=>` and `// throws` comments into checks, and typechecks snippets.
// Used by tests/docs/examples.test.ts (API examples) and tests/docs/guides.test.ts (Markdown guides).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The compiler options of the repository's tsconfig.json (strict, with `paths` for `quizkit*`). */
export function compilerOptions(): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error('Cannot read tsconfig.json');
  return { ...parsed.options, noEmit: true };
}

/** Every entry point (`quizkit`, `quizkit/schema`, …) with its source file, from tsconfig `paths`. */
export function entryPoints(options = compilerOptions()): { name: string; file: string }[] {
  return Object.entries(options.paths ?? {})
    .filter(([name]) => name === 'quizkit' || name.startsWith('quizkit/'))
    .map(([name, [file]]) => ({ name, file: resolve(ROOT, file ?? '') }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export interface PublicExport {
  /** The entry point it is exported from. */
  readonly entry: string;
  /** The exported name. */
  readonly name: string;
  /** Whether the export exists at run time (a function, constant or class) or only as a type. */
  readonly kind: 'value' | 'type';
  /** The file it is declared in, relative to the repository root. */
  readonly file: string;
  /** The fenced code of each `@example`. */
  readonly examples: readonly string[];
  /** The `@example` tags that hold no ```ts fence. */
  readonly unfenced: number;
}

/** The raw comment text of each JSDoc block attached to a declaration. */
function jsDocTexts(node: ts.Node): string[] {
  return ts
    .getJSDocCommentsAndTags(node)
    .filter(ts.isJSDoc)
    .map((doc) => doc.getText());
}

/** The body of a `/** … *\/` block, without the delimiters and the ` * ` margin. */
function commentBody(raw: string): string[] {
  return raw
    .replace(/^\/\*\*/, '')
    .replace(/\*\/$/, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, '').replace(/^\s+$/, ''));
}

/** The `@example` tags of a doc comment: each one's ```ts (or ```js) fences, and how many tags had none. */
export function examplesOf(raw: string): { examples: string[]; unfenced: number } {
  const examples: string[] = [];
  let unfenced = 0;
  let inExample = false;
  let fence: string[] | undefined;
  let fencedInThisTag = false;
  for (const line of commentBody(raw)) {
    if (fence) {
      if (/^```\s*$/.test(line)) {
        if (inExample) examples.push(fence.join('\n'));
        fence = undefined;
      } else {
        fence.push(line);
      }
      continue;
    }
    const tag = /^@(\w+)/.exec(line);
    if (tag) {
      if (inExample && !fencedInThisTag) unfenced++;
      inExample = tag[1] === 'example';
      fencedInThisTag = false;
      continue;
    }
    if (/^```(ts|typescript|js|javascript)\s*$/.test(line)) {
      fence = [];
      if (inExample) fencedInThisTag = true;
    } else if (/^```/.test(line)) {
      fence = [];
    }
  }
  if (inExample && !fencedInThisTag) unfenced++;
  return { examples, unfenced };
}

/**
 * Lists the exports of each entry point with the TypeScript compiler, as a
 * consumer sees them (`export type *` and re-exports included), with the
 * `@example`s of their declarations. The package documentation of each entry
 * file is listed as `(module)`.
 */
export function publicExports(): { exports: PublicExport[]; missing: string[]; program: ts.Program } {
  const options = compilerOptions();
  const entries = entryPoints(options);
  const program = ts.createProgram(
    entries.map((entry) => entry.file),
    options,
  );
  const checker = program.getTypeChecker();
  const exports: PublicExport[] = [];
  const missing: string[] = [];
  for (const entry of entries) {
    const source = program.getSourceFile(entry.file);
    if (!source) {
      missing.push(`${entry.name} → ${relative(ROOT, entry.file)}`);
      continue;
    }
    const moduleSymbol = checker.getSymbolAtLocation(source);
    if (!moduleSymbol) throw new Error(`${entry.file} is not a module`);
    const packageDoc = source.statements.flatMap(jsDocTexts).find((text) => /@packageDocumentation/.test(text));
    if (packageDoc) {
      const { examples, unfenced } = examplesOf(packageDoc);
      exports.push({ entry: entry.name, name: '(module)', kind: 'type', file: relative(ROOT, entry.file), examples, unfenced });
    }
    for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const declarations = target.declarations ?? [];
      const docs = declarations.flatMap(jsDocTexts);
      const found = docs.map(examplesOf);
      exports.push({
        entry: entry.name,
        name: symbol.name,
        kind: target.flags & ts.SymbolFlags.Value ? 'value' : 'type',
        file: relative(ROOT, declarations[0]?.getSourceFile().fileName ?? entry.file),
        examples: found.flatMap((f) => f.examples),
        unfenced: found.reduce((n, f) => n + f.unfenced, 0),
      });
    }
  }
  return { exports, missing, program };
}

// ---------------------------------------------------------------------------
// Instrumenting a snippet

/** One `//=>` or `// throws` claim in a snippet. */
export interface Claim {
  /** 1-based line in the snippet. */
  readonly line: number;
  /** The statement the claim is about. */
  readonly source: string;
  /** What the comment says. */
  readonly expected: string;
  readonly kind: 'value' | 'print' | 'throws';
}

const RESULT = /^\/\/\s*=>\s?(.*)$/;
const THROWS = /^\/\/\s*throws\s+([A-Za-z_$][\w$]*)/;

/** Whether a snippet declares values it does not define (`declare const x: T`): it can only be typechecked. */
export function isTypeOnly(code: string): boolean {
  const source = ts.createSourceFile('snippet.ts', code, ts.ScriptTarget.Latest, true);
  return source.statements.some((statement) =>
    ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword),
  );
}

/** Every `//=>` and `// throws` comment in a snippet, by position. */
function claimComments(code: string): { pos: number; text: string }[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, code);
  const comments: { pos: number; text: string }[] = [];
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.SingleLineCommentTrivia) {
      const text = scanner.getTokenText();
      if (RESULT.test(text) || THROWS.test(text)) comments.push({ pos: scanner.getTokenStart(), text });
    }
  }
  return comments;
}

/**
 * Rewrites a snippet so that its claims are checked when it runs:
 * `expr; //=> literal` becomes `__check(n, expr, (literal))`,
 * `console.log(args); //=> text` compares the printed text, and
 * `expr; // throws Name` expects `expr` to throw (or reject with) an error named `Name`.
 * A claim may sit on the statement's line or on the line after it.
 * Throws when a claim is not attached to an expression statement.
 */
export function instrument(code: string, runtimeModule: string): { code: string; claims: Claim[] } {
  const source = ts.createSourceFile('snippet.ts', code, ts.ScriptTarget.Latest, true);
  const comments = claimComments(code);
  const attached = new Set<number>();
  const edits: { start: number; end: number; text: string }[] = [];
  const claims: Claim[] = [];

  const visit = (node: ts.Node): void => {
    if (ts.isExpressionStatement(node)) {
      // The comment after the statement: on its line (a trailing comment) or on the next (a leading one).
      const [first] = [...(ts.getTrailingCommentRanges(code, node.end) ?? []), ...(ts.getLeadingCommentRanges(code, node.end) ?? [])];
      const comment = first && comments.find((c) => c.pos === first.pos);
      if (comment) {
        attached.add(comment.pos);
        const index = claims.length;
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        const expression = node.expression;
        const throws = THROWS.exec(comment.text);
        const result = RESULT.exec(comment.text);
        if (throws) {
          claims.push({ line, source: node.getText(source), expected: throws[1] ?? '', kind: 'throws' });
          edits.push({
            start: node.getStart(source),
            end: node.end,
            text: `__throws(${index}, () => (${expression.getText(source)}), ${JSON.stringify(throws[1])});`,
          });
        } else if (result) {
          const expected = (result[1] ?? '').trim();
          const isLog =
            ts.isCallExpression(expression) &&
            ts.isPropertyAccessExpression(expression.expression) &&
            expression.expression.getText(source) === 'console.log';
          if (isLog) {
            claims.push({ line, source: node.getText(source), expected, kind: 'print' });
            const args = expression.arguments.map((arg) => arg.getText(source)).join(', ');
            edits.push({ start: node.getStart(source), end: node.end, text: `__print(${index}, [${args}], ${JSON.stringify(expected)});` });
          } else {
            assertExpression(expected, line);
            claims.push({ line, source: node.getText(source), expected, kind: 'value' });
            edits.push({
              start: node.getStart(source),
              end: node.end,
              text: `__check(${index}, (${expression.getText(source)}), (${expected}));`,
            });
          }
        }
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);

  const stray = comments.filter((comment) => !attached.has(comment.pos));
  if (stray.length > 0) {
    const where = stray.map((c) => `line ${source.getLineAndCharacterOfPosition(c.pos).line + 1}: ${c.text}`).join('; ');
    throw new Error(`A //=> or // throws comment must follow an expression statement (${where})`);
  }

  let out = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  const header = `import { __check, __print, __throws } from ${JSON.stringify(runtimeModule)};`;
  return { code: `${header}\n${out}\nexport {};\n`, claims };
}

/** Throws unless `text` parses as one JavaScript expression. */
function assertExpression(text: string, line: number): void {
  const probe = ts.createSourceFile('probe.ts', `(${text});`, ts.ScriptTarget.Latest, true);
  const diagnostics = (probe as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics ?? [];
  const [statement] = probe.statements;
  if (text === '' || diagnostics.length > 0 || probe.statements.length !== 1 || !statement || !ts.isExpressionStatement(statement)) {
    throw new Error(`Line ${line}: the value after //=> is not a JavaScript expression: ${text}`);
  }
}

// ---------------------------------------------------------------------------
// Files and typechecking

/**
 * A fresh scratch folder under the repository (the git-ignored `.tmp/`), so
 * vitest's aliases and tsconfig `paths` apply to what is written there. One
 * per process, so parallel runs do not clash; remove it with {@link removeScratch}.
 */
export function scratchDir(name: string): string {
  const dir = join(ROOT, '.tmp', `${name}-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function removeScratch(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function writeSnippet(dir: string, name: string, code: string, extension = 'ts'): string {
  const file = join(dir, `${name.replace(/[^A-Za-z0-9_-]+/g, '_')}.${extension}`);
  writeFileSync(file, code);
  return file;
}

/**
 * Typechecks files with the repository's compiler options (plus `extra`, and
 * `extraRoots` such as declaration shims); returns one message per error in `files`.
 */
export function typecheck(
  files: readonly string[],
  extra: ts.CompilerOptions = {},
  extraRoots: readonly string[] = [],
): { file: string; message: string }[] {
  const program = ts.createProgram([...files, ...extraRoots], { ...compilerOptions(), ...extra });
  const wanted = new Set(files.map((file) => resolve(file)));
  return files.flatMap((file) => {
    const source = program.getSourceFile(file);
    if (!source) return [{ file, message: 'not found' }];
    return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]
      .filter((d) => !d.file || wanted.has(resolve(d.file.fileName)))
      .map((d) => {
        const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
        const at = where ? `:${where.line + 1}:${where.character + 1}` : '';
        return { file, message: `${relative(ROOT, file)}${at} TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}` };
      });
  });
}

/** The fenced code blocks of a Markdown file: language, the line the code starts on, and the code. */
export function markdownBlocks(markdown: string): { lang: string; line: number; code: string }[] {
  const blocks: { lang: string; line: number; code: string }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*$/.exec(lines[i] ?? '');
    if (!open) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end] ?? '')) end++;
    blocks.push({ lang: open[1] ?? '', line: start + 1, code: lines.slice(start, end).join('\n') });
    i = end;
  }
  return blocks;
}
