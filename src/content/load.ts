// Reads content/ from disk, validates every file with zod and cross-checks references; errors name file and field.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { CORE_SCHEMA, load as loadYaml, YAMLException } from 'js-yaml';
import type { z } from 'zod';
import { isValidTimeZone } from '../core/time.ts';
import type { ContentProblem } from './problem.ts';
import { ID_FILE, questionIdProblems } from './question-ids.ts';
import { contentRuleProblems } from './rules.ts';
import {
  type BankQuestion,
  type Content,
  type Course,
  courseSchema,
  type GlossaryEntry,
  glossaryFileSchema,
  type Lesson,
  lessonFrontMatterSchema,
  quizFileSchema,
} from './schemas.ts';

export type { ContentProblem };

/** Thrown by loadContent with every problem found. */
export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(`The course content has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'ContentError';
  }
}

export const formatProblem = (p: ContentProblem) =>
  `  ${p.file}: ${p.field ? `${p.field}: ` : ''}${p.message}`;

const fieldPath = (segments: readonly PropertyKey[]) =>
  segments.reduce<string>(
    (acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : acc ? `${acc}.${String(seg)}` : String(seg)),
    '',
  );

const UNREADABLE = Symbol('unreadable');

class Collector {
  readonly problems: ContentProblem[] = [];
  constructor(private readonly root: string) {}
  rel(file: string) {
    return path.relative(path.dirname(this.root), file) || file;
  }
  add(file: string, field: string, message: string) {
    this.problems.push({ file: this.rel(file), field, message });
  }
  /** Validates data against a schema, recording every issue; returns the parsed value or undefined. */
  validate<S extends z.ZodType>(schema: S, data: unknown, file: string, prefix = ''): z.infer<S> | undefined {
    if (data === UNREADABLE) return undefined;
    const result = schema.safeParse(data);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const field = fieldPath([...(prefix ? [prefix] : []), ...issue.path]);
      // The usual cause: an unquoted "key: value" inside a text turns it into a mapping.
      const hint =
        issue.code === 'invalid_type' && issue.expected === 'string' && /received object/.test(issue.message)
          ? ' (does the text contain ": "? Put the whole text in quotes)'
          : '';
      this.add(file, field, issue.message + hint);
    }
    return undefined;
  }
  /**
   * Parsed YAML (1.2 core schema: dates stay text), or UNREADABLE after recording why (so no second, confusing schema
   * error follows). js-yaml builds the values directly, without a syntax tree: the content loads in a fraction of the
   * time and garbage, which is most of the memory a start-up leaves behind.
   */
  readYaml(file: string): unknown {
    try {
      return loadYaml(readFileSync(file, 'utf8'), { schema: CORE_SCHEMA });
    } catch (e) {
      if (e instanceof YAMLException) {
        const line = e.mark ? e.mark.line + 1 : undefined;
        this.add(file, line ? `line ${line}` : '', `invalid YAML: ${e.reason}`);
      } else {
        this.add(file, '', `cannot read: ${(e as Error).message}`);
      }
      return UNREADABLE;
    }
  }
}

function listFiles(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => path.join(dir, f));
}

const NN_SLUG = /^(\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*\.(md|yaml)$/;

/** Loads and validates the whole course; throws ContentError listing every problem. */
export function loadContent(contentDir: string): Content {
  const root = path.resolve(contentDir);
  const c = new Collector(root);

  const courseFile = path.join(root, 'course.yaml');
  let course: Course | undefined;
  if (!existsSync(courseFile)) c.add(courseFile, '', 'file is missing');
  else {
    course = c.validate(courseSchema, c.readYaml(courseFile), courseFile);
    if (course && !isValidTimeZone(course.timezone)) c.add(courseFile, 'timezone', 'unknown IANA timezone');
  }

  const lessons: Lesson[] = [];
  for (const file of listFiles(path.join(root, 'lessons'), '.md')) {
    const base = path.basename(file);
    if (!NN_SLUG.test(base)) c.add(file, '', 'file name must look like NN-slug.md (e.g. 01-introducao.md)');
    let parsed: matter.GrayMatterFile<string>;
    try {
      parsed = matter(readFileSync(file, 'utf8'));
    } catch (e) {
      c.add(file, 'front matter', `invalid YAML: ${(e as Error).message.split('\n')[0]}`);
      continue;
    }
    const fm = c.validate(lessonFrontMatterSchema, parsed.data, file);
    if (!fm) continue;
    if (Number(base.slice(0, 2)) !== fm.number)
      c.add(file, 'number', `is ${fm.number} but the file name says ${base.slice(0, 2)}`);
    if (!parsed.content.trim())
      c.add(file, 'body', 'the study notes (Markdown after the front matter) are empty');
    lessons.push({ ...fm, notes: parsed.content.trim(), file: c.rel(file) });
  }

  const questions: BankQuestion[] = [];
  for (const file of listFiles(path.join(root, 'quizzes'), '.yaml')) {
    if (!NN_SLUG.test(path.basename(file))) c.add(file, '', 'file name must look like NN-slug.yaml');
    const quiz = c.validate(quizFileSchema, c.readYaml(file), file);
    if (!quiz) continue;
    quiz.questions.forEach((q, i) => {
      questions.push({ ...q, lesson: quiz.lesson, file: c.rel(file), index: i });
    });
  }

  const glossaryFile = path.join(root, 'glossary.yaml');
  let glossary: GlossaryEntry[] = [];
  if (!existsSync(glossaryFile)) c.add(glossaryFile, '', 'file is missing');
  else glossary = c.validate(glossaryFileSchema, c.readYaml(glossaryFile), glossaryFile)?.terms ?? [];

  c.problems.push(
    ...contentRuleProblems(
      { course, lessons, questions, glossary },
      { course: c.rel(courseFile), glossary: c.rel(glossaryFile) },
    ),
  );
  c.problems.push(
    ...questionIdProblems(
      root,
      questions.map((q) => q.id),
      c.rel(path.join(root, ID_FILE)),
    ),
  );
  if (c.problems.length > 0 || !course) throw new ContentError(c.problems);
  lessons.sort((a, b) => a.number - b.number);
  return { course, lessons, questions, glossary: withLessonLinks(glossary, lessons) };
}

/** A glossary entry's lessons are those it lists plus every lesson whose front matter lists it (one place to edit). */
function withLessonLinks(glossary: GlossaryEntry[], lessons: Lesson[]): GlossaryEntry[] {
  return glossary.map((entry) => {
    const linked = lessons.filter((l) => l.glossary.includes(entry.id)).map((l) => l.number);
    return { ...entry, lessons: [...new Set([...entry.lessons, ...linked])].sort((a, b) => a - b) };
  });
}
