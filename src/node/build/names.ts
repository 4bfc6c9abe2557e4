/**
 * File names as the generated files show them. A name is the user's: a file
 * may be called ``x\nconsole.log('A');`.yaml`` or `x--><img src=x>.yaml`, and
 * a header comment must not end early because of it (a line break ends a
 * `//` comment, a star and a slash a block comment, `-->` an HTML comment).
 *
 * @internal
 */

/** Names that read the same everywhere: letters, digits, `._/@+`, spaces and single hyphens. */
const PLAIN_NAME = /^(?!.*--)[A-Za-z0-9._/@+ -]*$/;

/**
 * A name for a comment in generated code or pages: a plain name as it is
 * (so `quizzes/north-korea-china.yaml` stays readable); any other as a JSON
 * string literal that also escapes what could end or confuse a comment
 * (`<`, `>`, `&`, `-`, `*`, `` ` ``, U+2028, U+2029), so it stays on one line
 * and inside the comment, in TypeScript, Markdown and HTML alike.
 *
 * @example
 * ```ts
 * quotedName('quizzes/a.yaml'); //=> 'quizzes/a.yaml'
 * quotedName('x\n-->'); //=> '"x\\n\\u002d\\u002d\\u003e"'
 * ```
 */
export function quotedName(name: string): string {
  if (PLAIN_NAME.test(name)) return name;
  return JSON.stringify(name).replace(/[<>&*`\u002d\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
