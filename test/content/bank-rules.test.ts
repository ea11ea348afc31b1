import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  KEY_MUCH_LONGER_RATIO,
  lengthCueProblems,
  MAX_KEY_LONGEST_SHARE_BANK,
  MAX_KEY_LONGEST_SHARE_PER_LESSON,
  MAX_KEY_MUCH_LONGER_SHARE_BANK,
  nearDuplicateProblems,
} from '../../src/content/bank-rules.ts';
import type { BankQuestion } from '../../src/content/schemas.ts';
import { contentCopy, problemsOf, removeCopies } from './copy.ts';

const FILE = (lesson: number) => `content/quizzes/0${lesson}-aula.yaml`;
let counter = 0;

/** A question whose right choice (A) has `keyLength` characters and whose distractors have `others`. */
function question(
  lesson: number,
  keyLength: number,
  others = [20, 20, 20],
  extra: Partial<BankQuestion> = {},
) {
  const index = counter++;
  const q: BankQuestion = {
    id: `l${lesson}-q${index}`,
    prompt: `Pergunta ${index} sobre um tema diferente de número ${index}?`,
    choices: ['k'.repeat(keyLength), ...others.map((n, i) => `${'abc'[i]}`.repeat(n))],
    answer: 'A',
    explanation: 'Porque sim, e não as outras.',
    difficulty: 'medium',
    tags: [],
    glossary: [],
    source: 'general: teste',
    lesson,
    file: FILE(lesson),
    index,
    ...extra,
  };
  return q;
}

/** `longest` questions whose key is the strictly longest (by 1 character, no 1.3× cue), the rest tied. */
function lesson(n: number, total: number, longest: number): BankQuestion[] {
  return Array.from({ length: total }, (_, i) => question(n, i < longest ? 21 : 20));
}

describe('length-cue rule', () => {
  it('exports the thresholds of the brief', () => {
    expect([
      MAX_KEY_LONGEST_SHARE_PER_LESSON,
      MAX_KEY_LONGEST_SHARE_BANK,
      KEY_MUCH_LONGER_RATIO,
      MAX_KEY_MUCH_LONGER_SHARE_BANK,
    ]).toEqual([0.4, 0.3, 1.3, 0.1]);
  });

  it('passes a bank where the key is the longest in at most 30% of questions and no lesson passes 40%', () => {
    // 4 of 10 (40%, the limit) in lesson 1; 1 of 10 in lesson 2: 25% of the bank.
    expect(lengthCueProblems([...lesson(1, 10, 4), ...lesson(2, 10, 1)])).toEqual([]);
  });

  it('names the file, the lesson, the figures and the ids when one lesson passes 40%', () => {
    const one = lesson(1, 10, 5);
    const problems = lengthCueProblems([...one, ...lesson(2, 10, 0)]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: FILE(1), field: 'questions[*].choices' });
    expect(problems[0]!.message).toContain('lesson 1');
    expect(problems[0]!.message).toContain('5 of 10 questions (50%');
    for (const q of one.slice(0, 5)) expect(problems[0]!.message).toContain(q.id);
    expect(problems[0]!.message).not.toContain(one[5]!.id);
  });

  it('counts only a strictly longest key: a tie with a distractor is no cue', () => {
    const tied = Array.from({ length: 10 }, () => question(1, 20, [20, 5, 5]));
    expect(lengthCueProblems(tied)).toEqual([]);
  });

  it('refuses a bank above 30% even when every lesson stays within 40%', () => {
    const problems = lengthCueProblems([...lesson(1, 10, 4), ...lesson(2, 10, 3)]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe('content/quizzes');
    expect(problems[0]!.message).toMatch(/across the bank .* 7 of 20 questions \(35%; max 30%\)/);
  });

  it('refuses a bank where more than 10% of keys are 1.3× the longest distractor, listing them by file', () => {
    // Two of 15 keys are 26 characters against 20 (exactly 1.3×): 13.3% of the bank.
    const bank = [...lesson(1, 10, 0), ...lesson(2, 3, 0), question(2, 26), question(2, 26)];
    const problems = lengthCueProblems(bank);
    const cue = problems.find((p) => p.message.includes('1.3×'));
    expect(cue?.message).toContain('2 of 15 questions (13.3%; max 10%)');
    expect(cue?.message).toContain(`02-aula.yaml (2): ${bank[13]!.id}, ${bank[14]!.id}`);
  });

  it('does not flag a key just under 1.3× the longest distractor', () => {
    const bank = [...lesson(1, 10, 0), ...lesson(2, 3, 0), question(2, 25), question(2, 25)];
    expect(lengthCueProblems(bank).filter((p) => p.message.includes('1.3×'))).toEqual([]);
  });
});

describe('near-duplicate rule', () => {
  const q = (lesson: number, prompt: string, key: string, others = ['Outra coisa', 'Mais uma']) =>
    question(lesson, 0, [], { prompt, choices: [key, ...others] });

  it('flags right choices that say the same thing in two lessons, on the later one, naming both', () => {
    const first = q(
      1,
      'Segundo o material, o ciclo de vida em MLOps precisa ser…',
      'reprodutível, observável e automatizado',
    );
    const later = q(
      9,
      'Num problema de NLP, o ciclo Train, Deploy, Monitor, Audit precisa continuar…',
      'Reprodutível, observável e automatizado',
    );
    const problems = nearDuplicateProblems([later, first]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: later.file, field: `questions[${later.index}].answer` });
    expect(problems[0]!.message).toContain(`"${later.id}"`);
    expect(problems[0]!.message).toContain(`"${first.id}" (${first.file})`);
  });

  it('sees through inflection and small words: "versionados" and "armazenados" still match', () => {
    const a = q(
      3,
      'O que caracteriza a IaC?',
      'Definir recursos e arquitetura de forma descritiva, em arquivos que podem ser versionados',
    );
    const b = q(
      5,
      'Como a IaC ajuda a reproduzir o ambiente?',
      'Descreve recursos e arquitetura de forma declarativa, em arquivos que podem ser armazenados e versionados',
    );
    expect(nearDuplicateProblems([a, b])).toHaveLength(1);
  });

  it('flags near-identical prompts even when the keys differ', () => {
    const a = q(2, 'Qual destes é um gatilho citado para a Decisão de Retreinamento?', 'Data drift');
    const b = q(
      8,
      'Qual destes NÃO é um gatilho citado para a Decisão de Retreinamento?',
      'Mudança de logotipo',
    );
    const problems = nearDuplicateProblems([a, b]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe(`questions[${b.index}].prompt`);
  });

  it('leaves same-topic questions alone: a short shared answer, or two roles that share the word "dados"', () => {
    expect(
      nearDuplicateProblems([
        q(1, 'Qual ferramenta de containers?', 'Containers → Docker'),
        q(7, 'Que ferramenta empacota o modelo com suas dependências?', 'Docker'),
      ]),
    ).toEqual([]);
    expect(
      nearDuplicateProblems([
        q(4, 'Quem cuida da modelagem?', 'O cientista de dados / engenheiro de IA'),
        q(6, 'Quem prepara os dados?', 'O cientista de dados e o engenheiro de dados'),
      ]),
    ).toEqual([]);
    expect(
      nearDuplicateProblems([
        q(2, 'O que mudou quando a fraude muda de padrão?', 'Concept drift'),
        q(9, 'O que mudou quando os usuários passam a usar gírias?', 'Data drift'),
      ]),
    ).toEqual([]);
  });
});

describe('content:check runs the bank rules', () => {
  afterEach(removeCopies);

  it('reports a length cue and a near-duplicate found in the quiz files', () => {
    const dir = contentCopy();
    const item = (id: string, prompt: string, key: string) =>
      `  - id: ${id}\n    prompt: ${prompt}\n    choices:\n      - ${key}\n      - Outra\n      - Mais uma\n` +
      `    answer: A\n    explanation: Porque sim.\n    difficulty: easy\n    source: "general: teste"\n`;
    writeFileSync(
      path.join(dir, 'quizzes', '09-integracao-com-nlp.yaml'),
      'lesson: 9\nquestions:\n' +
        item('l9-a', 'O ciclo precisa ser…', 'Reprodutível, observável e automatizado') +
        item('l9-b', 'E em NLP, o ciclo precisa ser…', 'Reprodutível, observável e automatizado, sempre') +
        ['c', 'd', 'e'].map((x) => item(`l9-${x}`, `Pergunta ${x}?`, `Resposta longa ${x}`)).join(''),
    );
    const problems = problemsOf(dir);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'content/quizzes/09-integracao-com-nlp.yaml',
        message: expect.stringMatching(/^length cue: lesson 9: .* 5 of 5 questions/),
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ field: 'questions[1].answer', message: expect.stringContaining('"l9-a"') }),
    );
  });
});
