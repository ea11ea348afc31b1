// Rules that span files: unique ids, references that resolve, fair answer keys, no duplicate choices; the bank and
// learner-text rules live in bank-rules.ts and learner-text.ts.
import { normalize } from '../core/text.ts';
import { lengthCueProblems, nearDuplicateProblems } from './bank-rules.ts';
import { internalNameProblems, sourceProblems } from './learner-text.ts';
import type { ContentProblem } from './problem.ts';
import {
  type BankQuestion,
  CHOICE_LETTERS,
  type Course,
  type GlossaryEntry,
  type Lesson,
} from './schemas.ts';

/** Most right answers allowed on one letter within a lesson, so guessing "C" never pays. */
export const MAX_SHARE_PER_POSITION = 0.4;
/** Fewer questions than this in a lesson and the spread rule cannot be met sensibly. */
const SPREAD_MIN_QUESTIONS = 5;
const LAZY_CHOICES = /^(todas|nenhuma|all|none) (as|das|of the) (anteriores|alternativas|above|acima)/;

interface Parts {
  course?: Course;
  lessons: Lesson[];
  questions: BankQuestion[];
  glossary: GlossaryEntry[];
}

export function contentRuleProblems(
  { course, lessons, questions, glossary }: Parts,
  files: { course: string; glossary: string },
): ContentProblem[] {
  const glossaryFile = files.glossary;
  const problems: ContentProblem[] = [];
  const lessonNumbers = new Set<number>();
  const glossaryIds = new Set(glossary.map((g) => g.id));

  const seenLessonIds = new Map<string, string>();
  for (const lesson of lessons) {
    if (lessonNumbers.has(lesson.number)) {
      problems.push({
        file: lesson.file,
        field: 'number',
        message: `lesson ${lesson.number} is defined twice`,
      });
    }
    lessonNumbers.add(lesson.number);
    const other = seenLessonIds.get(lesson.id);
    if (other)
      problems.push({ file: lesson.file, field: 'id', message: `"${lesson.id}" is also used by ${other}` });
    seenLessonIds.set(lesson.id, lesson.file);
    lesson.glossary.forEach((ref, i) => {
      if (!glossaryIds.has(ref)) {
        problems.push({
          file: lesson.file,
          field: `glossary[${i}]`,
          message: `unknown glossary id "${ref}"`,
        });
      }
    });
  }

  for (const key of Object.keys(course?.calendar.overrides ?? {})) {
    if (!lessonNumbers.has(Number(key))) {
      problems.push({
        file: files.course,
        field: `calendar.overrides.${key}`,
        message: `there is no lesson ${key}`,
      });
    }
  }

  const seenTerms = new Map<string, string>();
  const seenGlossaryIds = new Set<string>();
  glossary.forEach((entry, i) => {
    const at = (field: string) => `terms[${i}].${field}`;
    if (seenGlossaryIds.has(entry.id)) {
      problems.push({ file: glossaryFile, field: at('id'), message: `"${entry.id}" is used twice` });
    }
    seenGlossaryIds.add(entry.id);
    const key = normalize(entry.term);
    const clash = seenTerms.get(key);
    if (clash)
      problems.push({ file: glossaryFile, field: at('term'), message: `"${entry.term}" repeats ${clash}` });
    seenTerms.set(key, entry.id);
    entry.related.forEach((ref, j) => {
      if (!glossaryIds.has(ref)) {
        problems.push({
          file: glossaryFile,
          field: at(`related[${j}]`),
          message: `unknown glossary id "${ref}"`,
        });
      } else if (ref === entry.id) {
        problems.push({
          file: glossaryFile,
          field: at(`related[${j}]`),
          message: 'an entry cannot be related to itself',
        });
      }
    });
    entry.lessons.forEach((n, j) => {
      if (!lessonNumbers.has(n)) {
        problems.push({ file: glossaryFile, field: at(`lessons[${j}]`), message: `there is no lesson ${n}` });
      }
    });
  });

  const seenQuestionIds = new Map<string, string>();
  const byLesson = new Map<number, BankQuestion[]>();
  for (const q of questions) {
    const at = (field: string) => `questions[${q.index}].${field}`;
    const other = seenQuestionIds.get(q.id);
    if (other)
      problems.push({ file: q.file, field: at('id'), message: `"${q.id}" is also used in ${other}` });
    seenQuestionIds.set(q.id, q.file);
    if (!lessonNumbers.has(q.lesson)) {
      problems.push({ file: q.file, field: 'lesson', message: `there is no lesson ${q.lesson}` });
    }
    const answerIndex = CHOICE_LETTERS.indexOf(q.answer);
    if (answerIndex >= q.choices.length) {
      problems.push({
        file: q.file,
        field: at('answer'),
        message: `${q.answer} but there are only ${q.choices.length} choices`,
      });
    }
    const seenChoices = new Map<string, number>();
    q.choices.forEach((choice, j) => {
      const key = normalize(choice);
      const first = seenChoices.get(key);
      if (first !== undefined) {
        problems.push({
          file: q.file,
          field: at(`choices[${j}]`),
          message: `repeats choice ${CHOICE_LETTERS[first]}`,
        });
      }
      seenChoices.set(key, j);
      if (LAZY_CHOICES.test(key)) {
        problems.push({
          file: q.file,
          field: at(`choices[${j}]`),
          message: 'no "all/none of the above" choices',
        });
      }
    });
    q.glossary.forEach((ref, j) => {
      if (!glossaryIds.has(ref)) {
        problems.push({ file: q.file, field: at(`glossary[${j}]`), message: `unknown glossary id "${ref}"` });
      }
    });
    const list = byLesson.get(q.lesson) ?? [];
    list.push(q);
    byLesson.set(q.lesson, list);
  }

  for (const [lesson, list] of byLesson) {
    if (list.length < SPREAD_MIN_QUESTIONS) continue;
    const counts = new Map<string, number>();
    for (const q of list) counts.set(q.answer, (counts.get(q.answer) ?? 0) + 1);
    for (const [letter, count] of counts) {
      if (count / list.length > MAX_SHARE_PER_POSITION) {
        problems.push({
          file: list[0]!.file,
          field: 'questions[*].answer',
          message: `lesson ${lesson}: ${count} of ${list.length} right answers are ${letter} (max ${MAX_SHARE_PER_POSITION * 100}% per position)`,
        });
      }
    }
  }
  const parts = { course, courseFile: files.course, lessons, questions, glossary, glossaryFile };
  problems.push(
    ...internalNameProblems(parts),
    ...sourceProblems(parts),
    ...lengthCueProblems(questions),
    ...nearDuplicateProblems(questions),
  );
  return problems;
}
