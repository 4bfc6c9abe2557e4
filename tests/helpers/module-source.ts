/**
 * A small valid module in YAML, one question of each type, for tests that
 * spoil one line and check where the issue lands. Line numbers are in the
 * comments on the right, so expected positions can be read off.
 */
export const BASE_MODULE_LINES = [
  'id: m', //                                                  1
  'title: M', //                                               2
  'source:', //                                                3
  '  title: T', //                                             4
  '  attribution: A', //                                       5
  'reading:', //                                               6
  '  - id: s1', //                                             7
  '    heading: H', //                                         8
  '    text: Kim met Xi in Beijing, then Choe met Wang.', //   9
  'objectives:', //                                           10
  '  - { id: o1, text: Recall the place. }', //               11
  'quizzes:', //                                              12
  '  - id: quiz', //                                          13
  '    title: Q', //                                          14
  '    questions:', //                                        15
  '      - id: q1', //                                        16
  '        type: single-choice', //                           17
  '        prompt: Where?', //                                18
  '        explanation: Beijing.', //                         19
  '        source: { section: s1, quote: in Beijing }', //    20
  '        objectives: [o1]', //                              21
  '        options:', //                                      22
  '          - { id: a, text: Beijing, correct: true }', //   23
  '          - { id: b, text: Seoul }', //                    24
  '      - id: q2', //                                        25
  '        type: multiple-choice', //                         26
  '        prompt: Who met?', //                              27
  '        explanation: Kim and Xi.', //                      28
  '        source: { section: s1, quote: Kim met Xi }', //    29
  '        options:', //                                      30
  '          - { id: kim, text: Kim, correct: true }', //     31
  '          - { id: xi, text: Xi, correct: true }', //       32
  '          - { id: abe, text: Abe }', //                    33
  '        rule: { name: right-minus-wrong }', //             34
  '      - id: q3', //                                        35
  '        type: ordering', //                                36
  '        prompt: Order the meetings.', //                   37
  '        explanation: Kim and Xi first.', //                38
  '        source: { section: s1, quote: then Choe met Wang }', // 39
  '        items:', //                                        40
  '          - { id: first, text: Kim meets Xi }', //         41
  '          - { id: second, text: Choe meets Wang }', //     42
  '        correctOrder: [first, second]', //                 43
  '      - id: q4', //                                        44
  '        type: matching', //                                45
  '        prompt: Who met whom?', //                         46
  '        explanation: Kim met Xi.', //                      47
  '        source: { section: s1, quote: Kim met Xi }', //    48
  '        actors:', //                                       49
  '          - { id: xi, name: Xi }', //                      50
  '          - { id: wang, name: Wang }', //                  51
  '        statements:', //                                   52
  '          - { id: s1, text: Met Kim, actor: xi }', //      53
] as const;

/** The base module's text. */
export const BASE_MODULE = `${BASE_MODULE_LINES.join('\n')}\n`;

/**
 * The base module with exactly one occurrence of `from` replaced by `to`;
 * throws when `from` is missing or ambiguous, so a test cannot spoil the wrong line.
 */
export function spoil(from: string, to: string, text: string = BASE_MODULE): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`"${from}" must occur exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}
