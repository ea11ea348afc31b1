// zod schemas of the course files a monitor edits by hand; JSON Schemas for editors are generated from these.
import { z } from 'zod';
import { CHOICE_LETTERS } from '../core/quiz-render.ts';
import { COURSE_YEARS, isRealLocalDate } from '../core/time.ts';

export { CHOICE_LETTERS };

const slug = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'must be a slug: lower-case letters, digits and hyphens (e.g. data-drift)',
  );
const text = z.string().trim().min(1, 'must not be empty');
const realDate = {
  message: `must be a real date between ${COURSE_YEARS.min} and ${COURSE_YEARS.max} (no 30 February, no 25:00)`,
};
/** A course material's file name: three digits, an underscore, 16 hex digits, `.txt` (as the seed notes are named). */
export const MATERIAL_FILE = /^\d{3}_[0-9a-f]{16}\.txt$/;
const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'must be a local date and time like 2026-03-02T19:00')
  .refine(isRealLocalDate, realDate);
const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-04-21')
  .refine(isRealLocalDate, realDate);

/** `content/course.yaml`: the course and its class calendar. */
export const courseSchema = z
  .object({
    id: slug,
    title: text,
    timezone: text.describe('IANA timezone of the class times, e.g. America/Sao_Paulo'),
    locale: z.enum(['pt-BR', 'en']),
    calendar: z
      .object({
        firstClass: localDateTime.describe('local date and time of lesson 1'),
        everyWeeks: z.number().int().min(1).max(4).default(1).describe('weeks between consecutive classes'),
        durationMinutes: z.number().int().min(15).max(600).default(90),
        skip: z
          .array(localDate)
          .default([])
          .describe('dates with no class (holidays); the lessons after move one slot later'),
        overrides: z
          .record(z.string().regex(/^\d+$/, 'keys are lesson numbers'), localDateTime)
          .default({})
          .describe('per-lesson date and time that replaces the rhythm for that lesson'),
      })
      .strict(),
    classLink: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe(
        'where the classes happen online (a Meet, Zoom or Jitsi link): the location of the calendar and Discord events',
      ),
    materials: z
      .record(
        z.string().regex(MATERIAL_FILE, 'keys are material file names like 001_1bcf1295be94a6cc.txt'),
        text.max(120),
      )
      .default({})
      .describe(
        'title learners see for each course material (seed file) that a source cites, e.g. "Material da Aula 2 — Guia completo de MLOps"',
      ),
  })
  .strict();

/** Front matter of `content/lessons/NN-slug.md`. */
export const lessonFrontMatterSchema = z
  .object({
    id: slug,
    number: z.number().int().min(1).max(99),
    title: text,
    startsAt: localDateTime.optional().describe('overrides the course calendar for this lesson'),
    summary: text.optional(),
    objectives: z.array(text).min(1, 'needs at least one objective'),
    topics: z.array(text).min(1, 'needs at least one agenda topic'),
    preReading: z.array(text).min(1, 'needs at least one pre-reading item'),
    reflectionPrompts: z.array(text).min(3, 'needs at least 3 reflection prompts'),
    glossary: z
      .array(slug)
      .min(1, 'list at least one glossary term')
      .describe('ids of glossary entries this lesson uses'),
    sources: z
      .array(text)
      .default([])
      .describe('material files this lesson is based on (each one a key of materials in course.yaml)'),
  })
  .strict();

/**
 * One multiple-choice question. The caps keep prompt plus lettered choices inside one message on every platform
 * (Slack section text: 3,000 characters); buttons carry only the letters, so no choice meets a button limit.
 */
export const questionSchema = z
  .object({
    id: slug,
    prompt: text.max(1000),
    choices: z.array(text.max(300)).min(2, 'needs 2 to 5 choices').max(5, 'needs 2 to 5 choices'),
    answer: z.enum(CHOICE_LETTERS).describe('letter of the right choice'),
    explanation: text.max(1500),
    difficulty: z.enum(['easy', 'medium', 'hard']),
    tags: z.array(slug).default([]),
    glossary: z.array(slug).default([]).describe('glossary entry ids shown after the answer'),
    source: text.describe(
      'material file and section the question comes from ("001_….txt § Section"), or "general: …" for knowledge beyond the material',
    ),
  })
  .strict();

/** `content/quizzes/NN-slug.yaml`: the question bank of one lesson. */
export const quizFileSchema = z
  .object({
    lesson: z.number().int().min(1),
    questions: z.array(questionSchema).min(1),
  })
  .strict();

/** One entry of `content/glossary.yaml`. */
export const glossaryEntrySchema = z
  .object({
    id: slug,
    term: text.max(100),
    aliases: z
      .object({ pt: z.array(text.max(100)).default([]), en: z.array(text.max(100)).default([]) })
      .strict()
      .default({ pt: [], en: [] }),
    definition: text.max(1500),
    related: z.array(slug).default([]),
    lessons: z.array(z.number().int().min(1)).default([]),
    source: text,
  })
  .strict();

export const glossaryFileSchema = z.object({ terms: z.array(glossaryEntrySchema).min(1) }).strict();

export type Course = z.infer<typeof courseSchema>;
export type LessonFrontMatter = z.infer<typeof lessonFrontMatterSchema>;
export type Question = z.infer<typeof questionSchema>;
export type QuizFile = z.infer<typeof quizFileSchema>;
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;

/** A lesson: its front matter plus the Markdown study notes. */
export interface Lesson extends LessonFrontMatter {
  notes: string;
  file: string;
}

/** A question with the lesson it belongs to, as the bot uses it. */
export interface BankQuestion extends Question {
  lesson: number;
  file: string;
  /** Position in its file's `questions` list, for error messages. */
  index: number;
}

/** The whole course, loaded and cross-checked. */
export interface Content {
  course: Course;
  lessons: Lesson[];
  questions: BankQuestion[];
  glossary: GlossaryEntry[];
}

/** The JSON Schema files written for editors, by file kind. */
export const jsonSchemaSources = {
  'course.schema.json': courseSchema,
  'lesson.schema.json': lessonFrontMatterSchema,
  'quiz.schema.json': quizFileSchema,
  'glossary.schema.json': glossaryFileSchema,
} as const;
