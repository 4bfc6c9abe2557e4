import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { type GIFTQuestion, parse } from 'gift-pegjs';
import { parseModule, type Module, type ModuleInput, type QuestionInput } from 'quizkit/schema';

/** Parses GIFT with the independent gift-pegjs grammar, failing with file-like line:column. */
export function parseWithPegjs(text: string): GIFTQuestion[] {
  try {
    return parse(text);
  } catch (error) {
    const location = (error as { location?: { start: { line: number; column: number } } }).location?.start;
    const lines = text.split('\n');
    const context = location ? `\n${lines[location.line - 1]}\n${' '.repeat(location.column - 1)}^` : '';
    throw new Error(`gift-pegjs: ${location ? `${location.line}:${location.column} ` : ''}${(error as Error).message}${context}`);
  }
}

const PLACEHOLDERS: [string, string][] = [
  ['\\', '&&092;'],
  [':', '&&058;'],
  ['#', '&&035;'],
  ['=', '&&061;'],
  ['{', '&&123;'],
  ['}', '&&125;'],
  ['~', '&&126;'],
  ['\n', '&&010'],
];

/** gift-pegjs's own decoding of its escape placeholders (it also decodes them where they occur literally). */
export const pegjsDecode = (text: string): string =>
  PLACEHOLDERS.reduce((result, [char, placeholder]) => result.split(placeholder).join(char), text);

/**
 * What gift-pegjs returns for a plain text we wrote in the default or
 * `[plain]` format: escaped characters come back, but runs of whitespace
 * collapse to one space (Moodle keeps them).
 */
export function pegjsView(text: string): string {
  let encoded = text;
  for (const [char, placeholder] of PLACEHOLDERS) encoded = encoded.split(char).join(placeholder);
  return pegjsDecode(encoded.replace(/\s\s+/g, ' ').trim());
}

/** A gift-pegjs rich text as plain text: `[html]` ones (options or stems with `->`) decoded, then as {@link pegjsView}. */
export const pegjsText = (text: { format: string; text: string }): string =>
  text.format === 'html'
    ? pegjsView(text.text.replace(/<br>/g, '\n').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&'))
    : pegjsView(text.text);

/** gift-pegjs leaves matching answers (`-> answer`) undecoded: decode them, then compare with {@link pegjsView}. */
export const pegjsPlain = (text: string): string => pegjsDecode(text);

/** True when xmllint is installed (it is in CI: libxml2-utils). */
export const HAS_XMLLINT = existsSync('/usr/bin/xmllint') || (() => {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Runs `xmllint --noout -` on a document; returns '' when it is well-formed, else xmllint's messages. */
export function xmllintErrors(xml: string): string {
  try {
    execFileSync('xmllint', ['--noout', '--nonet', '-'], { input: xml, stdio: ['pipe', 'pipe', 'pipe'] });
    return '';
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  }
}

/**
 * Runs `xmllint --nocdata -`: fails on a document that is not well-formed,
 * and returns it with CDATA sections turned into escaped text.
 */
export const xmllintNoCdata = (xml: string): string =>
  execFileSync('xmllint', ['--nonet', '--nocdata', '-'], { input: xml, stdio: ['pipe', 'pipe', 'pipe'] }).toString();

/** Decodes the five XML entities and character references. */
export const xmlDecode = (text: string): string =>
  text.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-f]+|#\d+);/gi, (_, name: string) =>
    name[0] === '#'
      ? String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)))
      : ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[name.toLowerCase()]!,
  );

/** A Moodle XML question as read back from xmllint's normalised output. */
export interface ReadQuestion {
  readonly type: string;
  /** Text of each simple child element (`idnumber`, `gradingtype`, …), and of `<x><text>` children (`questiontext`, …). */
  readonly fields: Readonly<Record<string, string>>;
  readonly answers: readonly { fraction: string; text: string; feedback: string }[];
  readonly subquestions: readonly { text: string; answer: string }[];
  readonly tags: readonly string[];
}

/**
 * Checks a Moodle XML document with xmllint (one run) and reads its
 * questions back, keyed by idnumber (category questions by their path).
 */
export function readMoodleXml(xml: string): Map<string, ReadQuestion> {
  const plain = xmllintNoCdata(xml);
  const result = new Map<string, ReadQuestion>();
  const text = (inner: string) => xmlDecode(/<text>([^<]*)<\/text>|<text\/>/.exec(inner)?.[1] ?? '');
  for (const [, type, body] of plain.matchAll(/<question type="([^"]+)">([\s\S]*?)\n {2}<\/question>/g)) {
    const fields: Record<string, string> = {};
    for (const [, tag, inner] of body!.matchAll(/^ {4}<([a-z]+)(?: [^>]*)?>([\s\S]*?)<\/\1>$/gm)) {
      fields[tag!] = inner!.includes('<text') ? text(inner!) : xmlDecode(inner!);
    }
    const answers = [...body!.matchAll(/<answer fraction="([^"]*)"[^>]*>([\s\S]*?)<\/answer>/g)].map(([, fraction, inner]) => ({
      fraction: fraction!,
      text: text(inner!.replace(/<feedback[\s\S]*<\/feedback>/, '')),
      feedback: text(/<feedback[\s\S]*<\/feedback>/.exec(inner!)?.[0] ?? ''),
    }));
    const subquestions = [...body!.matchAll(/<subquestion[^>]*>([\s\S]*?)<\/subquestion>/g)].map(([, inner]) => ({
      text: text(inner!.replace(/<answer>[\s\S]*<\/answer>/, '')),
      answer: text(/<answer>[\s\S]*<\/answer>/.exec(inner!)?.[0] ?? ''),
    }));
    const tags = [...(/<tags>([\s\S]*?)<\/tags>/.exec(body!)?.[1] ?? '').matchAll(/<text>([^<]*)<\/text>/g)].map(([, tag]) => xmlDecode(tag!));
    const key = type === 'category' ? `category:${text(/<category>[\s\S]*?<\/category>/.exec(body!)?.[0] ?? '')}` : (fields.idnumber ?? '');
    result.set(key, { type: type!, fields, answers, subquestions, tags });
  }
  return result;
}

/** A one-section module around the given questions, so sources validate. */
export function moduleWith(quizzes: { id: string; title: string; questions: QuestionInput[] }[], objectives: string[] = []): Module {
  const input: ModuleInput = {
    id: 'sample',
    title: 'Sample / module',
    source: { title: 'Sample', attribution: 'Written for the tests.' },
    reading: [{ id: 'intro', heading: 'Intro', text: 'A quote from the reading.' }],
    ...(objectives.length ? { objectives: objectives.map((id) => ({ id, text: `Objective ${id}` })) } : {}),
    quizzes,
  };
  return parseModule(input);
}

export const BOILERPLATE = {
  explanation: 'Because the reading says so.',
  source: { section: 'intro', quote: 'A quote from the reading.' },
} as const;

/** Pieces GIFT, Moodle and XML treat specially, mixed into random texts. */
const AWKWARD = [
  '~', '=', '#', '{', '}', ':', '\\', '\\n', '\\:', '\n', '\t', '  ', '[html]', '[plain]', '[moodle]', '%', '%50%', '%-100%',
  '->', '-', '>', '<', '<b>', '&', '&amp;', ']]>', '<![CDATA[', '//', '####', '::', '"', "'", '’', '…', 'é', 'ß', '中文',
  '😀', '\u00a0', 'T', 'FALSE', '$CATEGORY:', '[id:x]', '_____', '--',
];

/** A non-empty trimmed text made of awkward pieces and plain words. */
export const awkwardText = fc
  .array(fc.oneof(fc.constantFrom(...AWKWARD), fc.string({ minLength: 1, maxLength: 4 }), fc.constantFrom('word', 'Beijing', 'x')), {
    minLength: 1,
    maxLength: 6,
  })
  .map((parts) => parts.join(''))
  .map((text) => text.trim())
  .filter((text) => text.length > 0);
