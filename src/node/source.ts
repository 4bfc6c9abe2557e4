import { Composer, type CST, type Document, isAlias, isNode, isScalar, LineCounter, Parser, visit } from 'yaml';
import type { QuizIssueCode } from '../schema/codes.js';

/**
 * How deep collections may nest in a quiz file. A module nests about 8 levels
 * (module › quizzes › quiz › questions › question › options › option › text).
 * yaml composes recursively: a hostile `[[[[…` 20 000 deep overflows the
 * stack, and on Node 20 that has aborted the process (a fatal V8
 * "RegExpCompiler Allocation failed") instead of throwing.
 */
const MAX_NESTING = 64;

/**
 * The formats a quiz file may be written in.
 *
 * @example
 * ```ts
 * import type { ModuleSourceFormat } from 'quizkit/node';
 * const format: ModuleSourceFormat = 'json';
 * ```
 */
export type ModuleSourceFormat = 'yaml' | 'json';

/** A problem with the text itself, at a character offset. @internal */
export interface SourceProblem {
  readonly code: QuizIssueCode;
  readonly message: string;
  readonly offset: number;
}

/** The composed document (when the text could be read), and every problem found in the text. @internal */
export interface ReadSource {
  readonly document: Document.Parsed | undefined;
  readonly value: unknown;
  readonly problems: SourceProblem[];
  readonly lineCounter: LineCounter;
}

/**
 * Reads YAML (or JSON, as YAML 1.2) into a document with source positions.
 * `value` is only meaningful when `problems` is empty.
 *
 * @internal
 */
export function readSource(text: string, format: ModuleSourceFormat): ReadSource {
  const lineCounter = new LineCounter();
  // The lexer and parser are iterative; only composing recurses, so depth is checked in between.
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  const problems = scanTokens(tokens, format);
  if (problems.some((problem) => problem.code === 'limit_exceeded')) {
    return { document: undefined, value: undefined, problems, lineCounter };
  }

  let document: Document.Parsed | undefined;
  const composer = new Composer({ stringKeys: true, uniqueKeys: true });
  for (const next of composer.compose(tokens, true, text.length)) {
    if (!document) {
      document = next;
    } else {
      problems.push({
        code: 'invalid_syntax',
        offset: next.range[0],
        message: 'A module file holds one document: remove this "---" and what follows, or move it to its own file',
      });
      break;
    }
  }
  // `compose(…, true)` always yields a document, even for empty text.
  const doc = document as Document.Parsed;
  for (const error of [...doc.errors, ...doc.warnings]) {
    problems.push({ code: 'invalid_syntax', offset: error.pos[0], message: describeYamlError(error, doc) });
  }
  problems.push(...unresolvedAliases(doc));
  if (problems.length > 0) return { document: doc, value: undefined, problems: sortByOffset(problems), lineCounter };

  try {
    return { document: doc, value: doc.toJS(), problems, lineCounter };
  } catch (error) {
    // yaml refuses alias "billion laughs" (maxAliasCount); point at the first alias.
    let offset = 0;
    visit(doc, {
      Alias(_key, node) {
        offset = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    const reason = error instanceof Error ? error.message : String(error);
    const problem: SourceProblem = /alias/i.test(reason)
      ? { code: 'limit_exceeded', offset, message: `Aliases expand too far (${reason}); write the values out` }
      : { code: 'invalid_syntax', offset: 0, message: `The file cannot be read as data: ${reason}` };
    return { document: doc, value: undefined, problems: [problem], lineCounter };
  }
}

function sortByOffset(problems: SourceProblem[]): SourceProblem[] {
  return problems.sort((a, b) => a.offset - b.offset);
}

function describeYamlError(error: { code: string; message: string; pos: [number, number] }, doc: Document.Parsed): string {
  if (error.code === 'DUPLICATE_KEY') {
    let key: unknown;
    visit(doc, {
      Pair(_key, pair) {
        if (isScalar(pair.key) && pair.key.range?.[0] === error.pos[0]) {
          key = pair.key.value;
          return visit.BREAK;
        }
        return undefined;
      },
    });
    return key === undefined
      ? 'Duplicate key: a key may appear only once in a mapping'
      : `Duplicate key "${String(key)}": a key may appear only once in a mapping`;
  }
  return error.message;
}

/** Aliases whose anchor does not come before them, in one pass in document order. */
function unresolvedAliases(doc: Document.Parsed): SourceProblem[] {
  const problems: SourceProblem[] = [];
  const anchors = new Set<string>();
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      if (!anchors.has(node.source)) {
        problems.push({
          code: 'invalid_syntax',
          offset: node.range?.[0] ?? 0,
          message: `Alias "*${node.source}" has no anchor "&${node.source}" before it`,
        });
      }
    } else if (isNode(node) && node.anchor) {
      anchors.add(node.anchor);
    }
  });
  return problems;
}

const JSON_LITERAL = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)$/;
const NOT_JSON: Partial<Record<string, string>> = {
  comment: 'JSON has no comments: remove it',
  'single-quoted-scalar': "JSON strings use double quotes, not '",
  'block-scalar': 'JSON has no block strings (| or >): use a double-quoted string with \\n',
  'block-map': 'JSON writes a mapping as { "key": value }, not by indentation',
  'block-seq': 'JSON writes a list as [ … ], not with "- "',
  alias: 'JSON has no aliases: write the value out',
  anchor: 'JSON has no anchors (&name): remove it',
  tag: 'JSON has no tags (!tag): remove it',
  directive: 'JSON has no directives (%…): remove it',
  'directive-line': 'JSON has no directives (%…): remove it',
  'doc-start': 'JSON has no document markers (---): remove it',
  'doc-end': 'JSON has no document markers (...): remove it',
  'explicit-key-ind': 'JSON has no "?" keys: write "key": value',
};

type TokenLike = { type: string; offset: number; source?: string };

const isCollectionToken = (token: TokenLike): token is CST.BlockMap | CST.BlockSequence | CST.FlowCollection =>
  token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection';

/**
 * Walks the syntax tree without recursion: refuses nesting deeper than
 * {@link MAX_NESTING} and, for JSON, flags YAML-only syntax.
 */
function scanTokens(tokens: readonly CST.Token[], format: ModuleSourceFormat): SourceProblem[] {
  const problems: SourceProblem[] = [];
  let json = format === 'json';
  const root = tokens.find((token): token is CST.Document => token.type === 'document')?.value;
  if (json && root && (root.type === 'block-map' || root.type === 'block-seq')) {
    // A YAML file named .json: one clear message instead of one per line.
    problems.push({
      code: 'invalid_syntax',
      offset: root.offset,
      message: 'This file is YAML, not JSON: rename it to .yaml, or write it as JSON',
    });
    json = false;
  }
  const stack: { node: unknown; depth: number }[] = tokens.map((node) => ({ node, depth: 0 }));
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    if (Array.isArray(node)) {
      for (const child of node) stack.push({ node: child, depth });
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    const token = node as TokenLike;
    let childDepth = depth;
    if (typeof token.type === 'string' && typeof token.offset === 'number') {
      if (isCollectionToken(token)) {
        childDepth = depth + 1;
        if (childDepth > MAX_NESTING) {
          return [
            {
              code: 'limit_exceeded',
              offset: token.offset,
              message: `Collections nest more than ${MAX_NESTING} levels deep here; a module needs about 8`,
            },
          ];
        }
        if (json && token.type === 'flow-collection') problems.push(...flowCollectionProblems(token));
      }
      if (json) {
        const message =
          token.type === 'scalar'
            ? jsonPlainScalarProblem(token.source ?? '')
            : token.type === 'double-quoted-scalar'
              ? jsonStringProblem(token.source ?? '')
              : NOT_JSON[token.type];
        if (message) problems.push({ code: 'invalid_syntax', offset: token.offset, message });
      }
    }
    for (const child of Object.values(node)) {
      if (child !== null && typeof child === 'object') stack.push({ node: child, depth: childDepth });
    }
  }
  return sortByOffset(problems);
}

/** Whether a double-quoted string uses an escape JSON lacks (YAML also has `\x41`, `\e`, `\N`, …). */
function hasNonJsonEscape(source: string): boolean {
  // Escapes are matched in pairs, so `\\x` is an escaped backslash, then "x".
  for (const [, escape = ''] of source.matchAll(/\\(u[0-9A-Fa-f]{4}|[\s\S])/g)) {
    if (!/^(?:["\\/bfnrt]|u[0-9A-Fa-f]{4})$/.test(escape)) return true;
  }
  return false;
}

function jsonStringProblem(source: string): string | undefined {
  if (source.includes('\n')) return 'A JSON string cannot span lines: write \\n for a line break';
  if (hasNonJsonEscape(source)) return 'JSON strings allow only the escapes \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX';
  return undefined;
}

function jsonPlainScalarProblem(source: string): string | undefined {
  if (JSON_LITERAL.test(source)) return undefined;
  if (source.startsWith('//') || source.startsWith('/*')) return 'JSON has no comments: remove it';
  return 'JSON strings need double quotes: write "…"';
}

/** Trailing commas, keys without values and `key: value` inside `[ ]`. */
function flowCollectionProblems(collection: CST.FlowCollection): SourceProblem[] {
  const isMap = collection.start.source === '{';
  const problems: SourceProblem[] = [];
  for (const item of collection.items) {
    const hasValueIndicator = item.sep?.some((token) => token.type === 'map-value-ind') ?? false;
    if (!item.key && !item.sep && !item.value) {
      const comma = item.start.find((token) => token.type === 'comma');
      if (comma) problems.push({ code: 'invalid_syntax', offset: comma.offset, message: 'JSON allows no trailing comma: remove it' });
    } else if (isMap && (!hasValueIndicator || !item.value)) {
      const at = item.key ?? item.value;
      problems.push({
        code: 'invalid_syntax',
        offset: at && 'offset' in at ? at.offset : collection.offset,
        message: 'Each JSON key needs a value: write "key": value',
      });
    } else if (!isMap && hasValueIndicator) {
      const at = item.key ?? item.value;
      problems.push({
        code: 'invalid_syntax',
        offset: at && 'offset' in at ? at.offset : collection.offset,
        message: 'A JSON list holds values, not "key": value pairs: wrap the pair in { }',
      });
    }
  }
  return problems;
}
