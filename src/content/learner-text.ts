// Rules on what learners read: no internal file names in any text shown to them, and every machine `source` points
// at a material that has a title (course.yaml `materials`) or says it is general knowledge beyond the material.
import { GENERAL_SOURCE_PREFIX, parseSource } from '../core/source-label.ts';
import type { ContentProblem } from './problem.ts';
import type { BankQuestion, Course, GlossaryEntry, Lesson } from './schemas.ts';

/** What gives an internal file away, with the words an error uses for it. */
export const INTERNAL_NAME_PATTERNS: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /\b\d{3}_[0-9a-f]{16}\b/i, what: 'a seed file name' },
  { pattern: /\b[\w-]+\.txt\b/i, what: 'a .txt file name' },
  // "seed 001", "seed-1", "seeds 003"; not "random seed 42" (a reproducibility setting learners may meet).
  { pattern: /(?<!random\s)\bseeds?\s*[-_#nº]*\s*\d+/i, what: 'a seed number ("seed 00X")' },
  { pattern: /\bmateria(?:l|is)\s*[-_#nº]*\s*\d+/i, what: 'a material number ("material 004")' },
];

/** The first internal name in a text, described, or undefined. */
export function findInternalName(text: string): string | undefined {
  for (const { pattern, what } of INTERNAL_NAME_PATTERNS) {
    const m = pattern.exec(text);
    if (m) return `${what}: "${m[0]}"`;
  }
  return undefined;
}

interface Parts {
  course?: Course;
  courseFile: string;
  lessons: readonly Lesson[];
  questions: readonly BankQuestion[];
  glossary: readonly GlossaryEntry[];
  glossaryFile: string;
}

const RULE = 'learners never see internal file names: name the material by its title or section';

/** Every learner-facing text that names a seed file, a "seed 00X" or a "material 004". */
export function internalNameProblems(parts: Parts): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const check = (file: string, field: string, text: string | undefined, id?: string) => {
    const found = text === undefined ? undefined : findInternalName(text);
    if (found) problems.push({ file, field, message: `${id ? `${id}: ` : ''}${found} (${RULE})` });
  };
  if (parts.course) {
    check(parts.courseFile, 'title', parts.course.title);
    for (const [file, title] of Object.entries(parts.course.materials))
      check(parts.courseFile, `materials.${file}`, title);
  }
  for (const lesson of parts.lessons) {
    check(lesson.file, 'title', lesson.title);
    check(lesson.file, 'summary', lesson.summary);
    for (const key of ['objectives', 'topics', 'preReading', 'reflectionPrompts'] as const)
      lesson[key].forEach((text, i) => check(lesson.file, `${key}[${i}]`, text));
    check(lesson.file, 'body', lesson.notes);
  }
  for (const q of parts.questions) {
    const at = (field: string) => `questions[${q.index}].${field}`;
    check(q.file, at('prompt'), q.prompt, q.id);
    q.choices.forEach((c, i) => check(q.file, at(`choices[${i}]`), c, q.id));
    check(q.file, at('explanation'), q.explanation, q.id);
  }
  parts.glossary.forEach((entry, i) => {
    const at = (field: string) => `terms[${i}].${field}`;
    check(parts.glossaryFile, at('term'), entry.term, entry.id);
    for (const lang of ['pt', 'en'] as const)
      entry.aliases[lang].forEach((a, j) =>
        check(parts.glossaryFile, at(`aliases.${lang}[${j}]`), a, entry.id),
      );
    check(parts.glossaryFile, at('definition'), entry.definition, entry.id);
  });
  return problems;
}

/** Why one source cannot be shown by title, or undefined when it can. */
function sourceProblem(source: string, materials: Readonly<Record<string, string>>): string | undefined {
  for (const part of parseSource(source)) {
    if (part.kind === 'general') {
      if (!part.note) return `"${GENERAL_SOURCE_PREFIX}" needs a short description of the knowledge used`;
    } else if (part.kind === 'other') {
      return (
        `"${part.text}" names neither a course material nor general knowledge ` +
        `(write "<file>.txt § Section" or "${GENERAL_SOURCE_PREFIX} <description>")`
      );
    } else if (!Object.hasOwn(materials, part.file)) {
      return `"${part.file}" has no title in course.yaml materials, so learners would see its file name`;
    }
  }
  return undefined;
}

/** Sources of questions and glossary entries, and lesson `sources`, must resolve to a titled material or general. */
export function sourceProblems(parts: Parts): ContentProblem[] {
  const materials = parts.course?.materials;
  if (!materials) return [];
  const problems: ContentProblem[] = [];
  for (const q of parts.questions) {
    const why = sourceProblem(q.source, materials);
    if (why)
      problems.push({ file: q.file, field: `questions[${q.index}].source`, message: `${q.id}: ${why}` });
  }
  parts.glossary.forEach((entry, i) => {
    const why = sourceProblem(entry.source, materials);
    if (why)
      problems.push({
        file: parts.glossaryFile,
        field: `terms[${i}].source`,
        message: `${entry.id}: ${why}`,
      });
  });
  for (const lesson of parts.lessons) {
    lesson.sources.forEach((file, i) => {
      if (!Object.hasOwn(materials, file))
        problems.push({
          file: lesson.file,
          field: `sources[${i}]`,
          message: `"${file}" has no title in course.yaml materials`,
        });
    });
  }
  return problems;
}
