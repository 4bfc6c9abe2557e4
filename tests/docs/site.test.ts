import { readFileSync, readdirSync } from 'node:fs';
import { Application, DeclarationReflection, DocumentReflection, ReferenceType, ReflectionKind, type ProjectReflection, type SomeType } from 'typedoc';
import { beforeAll, describe, expect, it } from 'vitest';

// Converts the project as `npm run docs` does (typedoc.json, its plugin), without
// rendering: what the site will show is decided here.
let project: ProjectReflection;
beforeAll(async () => {
  const app = await Application.bootstrapWithPlugins({ options: 'typedoc.json', logLevel: 'Error' });
  const converted = await app.convert();
  if (!converted) throw new Error('typedoc could not convert the project');
  project = converted;
}, 120_000);

const guides = readdirSync('docs').filter((name) => name.endsWith('.md'));

const signatureOf = (module: string, name: string) => {
  const found = project.getChildByName([module, name]);
  const signature = found instanceof DeclarationReflection ? found.signatures?.[0] : undefined;
  if (!signature) throw new Error(`${module}.${name} has no signature`);
  return signature;
};
const referenceName = (type: SomeType | undefined) => (type instanceof ReferenceType ? type.name : type?.type);

describe('issue #18.4: the docs site', () => {
  it('renders every guide as a page of the site, titled by its first heading, in reading order', () => {
    const titles = (project.documents ?? []).map((document: DocumentReflection) => document.name);
    for (const guide of guides) {
      const heading = /^# +(.+)$/m.exec(readFileSync(`docs/${guide}`, 'utf8'))?.[1]?.replaceAll('`', '');
      expect(titles, guide).toContain(heading);
    }
    expect(titles.some((title) => title.startsWith('docs/'))).toBe(false);
    expect(titles.slice(0, 3)).toEqual(['Getting started with quizkit', 'Authoring quiz modules', 'How quizkit scores']);
    expect(titles.at(-1)).toBe('Changelog');
    expect(project.getReflectionsByKind(ReflectionKind.Document)).toHaveLength(titles.length);
  });

  it('names the readonly quiz, question and module types in signatures instead of spelling them out', () => {
    expect(referenceName(signatureOf('quizkit', 'scoreQuiz').typeParameters?.[0]?.type)).toBe('ReadonlyQuiz');
    expect(referenceName(signatureOf('quizkit', 'scoreQuestion').parameters?.[0]?.type)).toBe('ReadonlyQuestion');
    expect(referenceName(signatureOf('quizkit/attempts', 'startAttempt').parameters?.[0]?.type)).toBe('ReadonlyQuiz');
    expect(referenceName(signatureOf('quizkit/attempts', 'reviewAttempt').parameters?.[0]?.type)).toBe('ReadonlyQuiz');
    expect(referenceName(signatureOf('quizkit/xapi', 'xapiActivityDefinitions').parameters?.[0]?.type)).toBe('ReadonlyModule');
    expect(referenceName(signatureOf('quizkit/schema', 'parseQuiz').type)).toBe('Quiz');
    expect(referenceName(signatureOf('quizkit/schema', 'parseModule').type)).toBe('Module');
  });
});
