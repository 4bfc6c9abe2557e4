import { Composer, CST, type Document, isAlias, isMap, isNode, isScalar, Lexer, Parser, visit } from 'yaml';
import type { QuizIssueCode } from '../schema/codes.js';
import { MODULE_FILE_LIMITS, tooLargeMessage } from './limits.js';
import { LineIndex } from './locate.js';

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
  /** A consequence of an earlier problem: counted, not listed. */
  readonly followOn?: boolean;
}

/** The composed document (when the text could be read), and every problem found in the text. @internal */
export interface ReadSource {
  readonly document: Document.Parsed | undefined;
  readonly value: unknown;
  readonly problems: SourceProblem[];
  /** Line and column of an offset in the text. */
  readonly lines: LineIndex;
}

/** UTF-8 bytes of a text, without encoding it. */
function utf8Length(text: string): number {
  // A code unit takes at least one byte, so a text this long is over the cap whatever it holds.
  if (text.length > MODULE_FILE_LIMITS.bytes) return text.length;
  return Buffer.byteLength(text, 'utf8');
}

/**
 * Reads YAML (or JSON, as YAML 1.2) into a document with source positions.
 * `value` is only meaningful when `problems` is empty.
 *
 * Every step is linear in the text, and each limit of
 * {@link MODULE_FILE_LIMITS} is checked before the step it protects: the
 * byte count before lexing, nesting and entry counts on the syntax tree
 * before composing (which recurses and builds a node per value), and
 * duplicate keys with one set per mapping (yaml's own check compares each
 * key with every earlier one: 10 000 keys took seconds).
 *
 * @internal
 */
export function readSource(text: string, format: ModuleSourceFormat): ReadSource {
  const bytes = utf8Length(text);
  if (bytes > MODULE_FILE_LIMITS.bytes) {
    // Not even the line index is built: nothing of the text is read.
    const problem: SourceProblem = { code: 'limit_exceeded', offset: 0, message: tooLargeMessage(bytes) };
    return { document: undefined, value: undefined, problems: [problem], lines: new LineIndex('') };
  }
  const lines = new LineIndex(text);
  const bound = prescan(text);
  if (bound) return { document: undefined, value: undefined, problems: [bound], lines };
  // The lexer and parser are iterative; only composing recurses, so depth is checked in between.
  const tokens = Array.from(new Parser().parse(text));
  const problems = scanTokens(tokens, format);
  if (problems.some((problem) => problem.code === 'limit_exceeded')) {
    return { document: undefined, value: undefined, problems: problems.filter((problem) => problem.code === 'limit_exceeded'), lines };
  }

  let document: Document.Parsed | undefined;
  const composer = new Composer({ stringKeys: true, uniqueKeys: false });
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
  // Once yaml meets a token that fits nowhere ("… in YAML stream"), it reads every later token the same way:
  // one stray `}` gave a problem for each line after it. The first is the one to fix; the rest are counted.
  let lost = false;
  for (const error of [...doc.errors, ...doc.warnings]) {
    const stray = / in YAML stream: /.test(error.message);
    problems.push({ code: 'invalid_syntax', offset: error.pos[0], message: withHint(error.message), followOn: stray && lost });
    lost ||= stray;
  }
  problems.push(...duplicateKeys(doc), ...unresolvedAliases(doc));
  if (problems.length > 0) return { document: doc, value: undefined, problems: capSyntaxProblems(problems, lines), lines };

  try {
    return { document: doc, value: doc.toJS(), problems, lines };
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
    return { document: doc, value: undefined, problems: [problem], lines };
  }
}

/**
 * Counts values, and entries and nesting of flow collections, straight from
 * the lexer, stopping at the first limit crossed. The syntax tree of a
 * 5 MB flow list of 1.6 million entries took 9 s and 1.7 GB to build before
 * its length could be checked; this pass holds only a counter per open
 * collection, and costs time up to the limit, not up to the file's end.
 */
function prescan(text: string): SourceProblem | undefined {
  const { values: maxValues, entries: maxEntries, nesting: maxNesting } = MODULE_FILE_LIMITS;
  let offset = 0;
  let values = 0;
  let scalarNext = false;
  // Per open flow collection: where it starts, whether it is a mapping, and how many commas it holds so far.
  const open: { offset: number; map: boolean; commas: number }[] = [];
  const tooMany = (): SourceProblem => ({
    code: 'limit_exceeded',
    offset,
    message: `The file holds more than ${maxValues.toLocaleString('en-US')} values; split it into several modules`,
  });
  for (const lexeme of new Lexer().lex(text)) {
    if (scalarNext) {
      // The text of a plain or block scalar, whatever characters it holds.
      scalarNext = false;
      offset += lexeme.length;
      continue;
    }
    switch (lexeme) {
      case CST.SCALAR:
        scalarNext = true;
        if (++values > maxValues) return tooMany();
        continue; // a marker: not in the text
      case CST.DOCUMENT:
        continue;
      case CST.FLOW_END:
        open.length = 0;
        continue;
      case '{':
      case '[':
        if (++values > maxValues) return tooMany();
        open.push({ offset, map: lexeme === '{', commas: 0 });
        if (open.length > maxNesting) {
          return {
            code: 'limit_exceeded',
            offset,
            message: `Collections nest more than ${maxNesting} levels deep here; a module needs about 8`,
          };
        }
        break;
      case '}':
      case ']':
        open.pop();
        break;
      case ',': {
        const top = open[open.length - 1];
        if (top && ++top.commas >= maxEntries) {
          return {
            code: 'limit_exceeded',
            offset: top.offset,
            message: `This ${top.map ? 'mapping' : 'list'} has more than ${maxEntries.toLocaleString('en-US')} entries, the most a module file allows in one (the longest list a module may have is 200 questions)`,
          };
        }
        break;
      }
      default:
        // Quoted scalars come whole, in one lexeme.
        if ((lexeme[0] === '"' || lexeme[0] === "'") && ++values > maxValues) return tooMany();
    }
    offset += lexeme.length;
  }
  return undefined;
}

/**
 * The syntax problems worth reading, in file order: one per line (a parser
 * recovering from an error reports the same spot several times), no
 * follow-on problems, and at most {@link MODULE_FILE_LIMITS}.syntaxIssues of
 * them; the rest are counted in one more problem, at the first one left
 * out. One stray `}` used to give hundreds of issues.
 */
function capSyntaxProblems(problems: readonly SourceProblem[], lines: LineIndex): SourceProblem[] {
  const sorted = [...problems].sort((a, b) => a.offset - b.offset);
  const listed: SourceProblem[] = [];
  const omitted: SourceProblem[] = [];
  let lastLine = 0;
  for (const problem of sorted) {
    const { line } = lines.linePos(problem.offset);
    if (line === lastLine) continue;
    if (problem.followOn || listed.length === MODULE_FILE_LIMITS.syntaxIssues) {
      omitted.push(problem);
    } else {
      listed.push({ code: problem.code, message: problem.message, offset: problem.offset });
    }
    lastLine = line;
  }
  const first = omitted[0];
  if (!first) return listed;
  const rest = omitted.length;
  const summary: SourceProblem = {
    code: 'invalid_syntax',
    offset: first.offset,
    message: `${rest} more line${rest === 1 ? '' : 's'} with syntax problems from here on; fix the ones before first, as later ones often follow from them`,
  };
  return [...listed, summary].sort((a, b) => a.offset - b.offset);
}

/** Keys repeated in a mapping, at each repetition: one set per mapping, so linear in the keys. */
function duplicateKeys(doc: Document.Parsed): SourceProblem[] {
  const problems: SourceProblem[] = [];
  visit(doc, (_key, node) => {
    if (!isMap(node)) return;
    const seen = new Set<string>();
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      if (seen.has(key)) {
        problems.push({
          code: 'invalid_syntax',
          offset: pair.key.range?.[0] ?? 0,
          message: `Duplicate key "${key}": a key may appear only once in a mapping`,
        });
      }
      seen.add(key);
    }
  });
  return problems;
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
 * {@link MODULE_FILE_LIMITS}.nesting and collections with more entries than
 * {@link MODULE_FILE_LIMITS}.entries (before anything is composed, so a
 * million-entry list costs the lexer's pass, not a million nodes), and, for
 * JSON, flags YAML-only syntax.
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
        if (childDepth > MODULE_FILE_LIMITS.nesting) {
          return [
            {
              code: 'limit_exceeded',
              offset: token.offset,
              message: `Collections nest more than ${MODULE_FILE_LIMITS.nesting} levels deep here; a module needs about 8`,
            },
          ];
        }
        if (token.items.length > MODULE_FILE_LIMITS.entries) {
          const kind = token.type === 'block-map' || (token.type === 'flow-collection' && token.start.source === '{') ? 'mapping' : 'list';
          return [
            {
              code: 'limit_exceeded',
              offset: token.offset,
              message: `This ${kind} has ${token.items.length.toLocaleString('en-US')} entries; a module file allows at most ${MODULE_FILE_LIMITS.entries.toLocaleString('en-US')} in one (the longest list a module may have is 200 questions)`,
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
  return problems.sort((a, b) => a.offset - b.offset);
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

/**
 * yaml's messages name the grammar rule that broke; authors need what to
 * write instead. The usual slip is text holding ": " (or starting with a
 * character YAML reserves) written without quotes.
 */
const SYNTAX_HINTS: readonly (readonly [RegExp, string])[] = [
  [/Nested mappings are not allowed in compact mappings|Implicit map keys need to be followed by map values|mapping values are not allowed/i, 'quote text that contains ": ", e.g. title: "Vocabulary: what is it?"'],
  [/Plain value cannot start with|reserved/i, 'quote text that starts with @, `, %, | or >'],
];

function withHint(message: string): string {
  const hint = SYNTAX_HINTS.find(([pattern]) => pattern.test(message))?.[1];
  return hint ? `${message.replace(/\.?\s*$/, '')}: ${hint}` : message;
}
