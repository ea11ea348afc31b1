import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { renderGlossaryEntry } from '../../src/core/glossary-render.ts';
import { translator } from '../../src/core/i18n.ts';
import { CONTENT_DIR } from '../helpers.ts';
import { contentCopy, edit, problemsOf, removeCopies } from './copy.ts';

afterEach(removeCopies);
const content = loadContent(CONTENT_DIR);

describe('the shipped course', () => {
  it('has the nine lessons, each with objectives, topics, pre-reading, 3+ prompts and glossary terms', () => {
    expect(content.lessons.map((l) => l.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const lesson of content.lessons) {
      expect(lesson.objectives.length).toBeGreaterThan(0);
      expect(lesson.topics.length).toBeGreaterThan(0);
      expect(lesson.preReading.length).toBeGreaterThan(0);
      expect(lesson.reflectionPrompts.length).toBeGreaterThanOrEqual(3);
      expect(lesson.glossary.length).toBeGreaterThan(0);
    }
  });

  it('uses the pre-class reflection points of seed 000 as lesson 1 prompts', () => {
    expect(content.lessons[0]!.reflectionPrompts).toContain('Por que testes tradicionais falham para ML?');
    expect(content.lessons[0]!.reflectionPrompts).toHaveLength(5);
  });

  it('has a question bank for every lesson: 20+ questions for lessons 1 to 4, 12+ for lessons 5 to 9', () => {
    for (const lesson of content.lessons) {
      const questions = content.questions.filter((q) => q.lesson === lesson.number);
      expect(questions.length, `lesson ${lesson.number}`).toBeGreaterThanOrEqual(
        lesson.number <= 4 ? 20 : 12,
      );
      for (const q of questions) {
        expect(q.choices.length).toBeGreaterThanOrEqual(3);
        expect(q.source, q.id).toMatch(/^(00\d_[0-9a-f]{16}\.txt § |general: \S)/);
      }
    }
    expect(content.questions.length).toBeGreaterThanOrEqual(140);
  });

  it('contains every item of the seed-001 questionnaire as a multiple-choice question', () => {
    const items = content.questions.filter((q) => q.tags.includes('questionario-seed-001'));
    const numbers = items.map((q) => Number(/pergunta (\d+)/.exec(q.source)?.[1])).sort((a, b) => a - b);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const q of items) {
      expect(q.lesson).toBe(2);
      expect(q.source).toMatch(/Gabarito \d+/);
    }
  });

  it('shows every glossary source by the material title, never by file name', () => {
    const t = translator('pt-BR');
    for (const entry of content.glossary) {
      const footer = renderGlossaryEntry(entry, content.glossary, t, content.course.materials).footer ?? '';
      expect(footer, entry.id).toMatch(/^Fonte: (Material da Aula \d — |Conhecimento geral de MLOps)/);
      expect(footer, entry.id).not.toMatch(/\.txt|\d{3}_[0-9a-f]{16}/);
    }
  });

  it('links glossary entries to the lessons that cite them', () => {
    expect(content.glossary.find((g) => g.id === 'feature-store')!.lessons).toEqual([2, 6]);
  });
});

describe('content:check rules on a broken copy', () => {
  const quiz1 = (dir: string) => path.join(dir, 'quizzes', '01-introducao-ao-mlops.yaml');

  it('catches a question id used twice across files', () => {
    const dir = contentCopy();
    edit(
      path.join(dir, 'quizzes', '02-pipeline-de-mlops-e-estudo-de-caso.yaml'),
      'id: l2-data-drift',
      'id: l1-mlops-definicao',
    );
    expect(problemsOf(dir)).toContainEqual(
      expect.objectContaining({
        field: expect.stringMatching(/questions\[\d+\]\.id/),
        message: expect.stringContaining('also used'),
      }),
    );
  });

  it('keeps question ids stable: a renamed id is caught, and a new one must be listed', () => {
    const dir = contentCopy();
    edit(quiz1(dir), 'id: l1-airflow', 'id: l1-apache-airflow');
    const problems = problemsOf(dir);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'content/question-ids.txt',
        field: 'l1-airflow',
        message: expect.stringContaining('no longer in the bank'),
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        field: 'l1-apache-airflow',
        message: expect.stringContaining('run npm run content:ids'),
      }),
    );
  });

  it('catches an unknown glossary reference in a lesson', () => {
    const dir = contentCopy();
    edit(
      path.join(dir, 'lessons', '03-cultura-devops-dataops-mlops.md'),
      '  - culture\n',
      '  - cultura-inexistente\n',
    );
    expect(problemsOf(dir)).toContainEqual({
      file: 'content/lessons/03-cultura-devops-dataops-mlops.md',
      field: 'glossary[0]',
      message: 'unknown glossary id "cultura-inexistente"',
    });
  });

  it('catches right answers piled on one letter', () => {
    const dir = contentCopy();
    edit(quiz1(dir), /answer: [BCD]\n/g, 'answer: A\n');
    expect(problemsOf(dir)).toContainEqual(
      expect.objectContaining({
        file: 'content/quizzes/01-introducao-ao-mlops.yaml',
        message: expect.stringMatching(/right answers are A/),
      }),
    );
  });

  it('catches duplicate choices, lazy choices and an answer letter past the choices', () => {
    const dir = contentCopy();
    edit(
      quiz1(dir),
      '      - A aplicação de inteligência artificial às operações de TI da empresa\n',
      '      - A operação de todo o fluxo de dados da empresa, da coleta à análise\n',
    );
    edit(
      quiz1(dir),
      '      - Falta padronizar o hardware dos cientistas, para acabar com o "funciona no meu laptop"\n',
      '      - Todas as anteriores\n',
    );
    edit(quiz1(dir), /(id: l1-erro-silencioso[\s\S]*?)answer: A/, '$1answer: E');
    const messages = problemsOf(dir).map((p) => `${p.field}: ${p.message}`);
    expect(messages).toContainEqual('questions[0].choices[2]: repeats choice A');
    expect(messages).toContainEqual('questions[1].choices[3]: no "all/none of the above" choices');
    expect(messages).toContainEqual('questions[2].answer: E but there are only 4 choices');
  });

  it('catches a calendar override for a lesson that does not exist, and a file number mismatch', () => {
    const dir = contentCopy();
    edit(path.join(dir, 'course.yaml'), 'overrides: {}', 'overrides: { "12": 2027-02-02T19:00 }');
    edit(path.join(dir, 'lessons', '07-deploy-e-serving.md'), 'number: 7', 'number: 17');
    const problems = problemsOf(dir);
    expect(problems).toContainEqual({
      file: 'content/course.yaml',
      field: 'calendar.overrides.12',
      message: 'there is no lesson 12',
    });
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'content/lessons/07-deploy-e-serving.md', field: 'number' }),
    );
  });

  it('catches a question too long for one message, and explains an unquoted colon', () => {
    const dir = contentCopy();
    edit(quiz1(dir), 'prompt: Qual frase resume melhor', `prompt: ${'muito longo '.repeat(240)}`);
    edit(
      quiz1(dir),
      '      - A automação de machine learning usando metodologias do DevOps\n',
      '      - Resposta: com dois pontos\n',
    );
    const problems = problemsOf(dir);
    expect(problems).toContainEqual(
      expect.objectContaining({ field: 'questions[0].prompt', message: expect.stringContaining('<=1000') }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining('Put the whole text in quotes') }),
    );
  });

  it('catches a lesson with too few reflection prompts', () => {
    const dir = contentCopy();
    const file = path.join(dir, 'lessons', '05-versionamento-de-dados-e-modelos.md');
    edit(file, /reflectionPrompts:\n( {2}- .*\n)+/, 'reflectionPrompts:\n  - Só uma?\n');
    expect(problemsOf(dir)).toContainEqual(
      expect.objectContaining({
        file: 'content/lessons/05-versionamento-de-dados-e-modelos.md',
        field: 'reflectionPrompts',
      }),
    );
  });
});
