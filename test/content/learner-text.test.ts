import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findInternalName, internalNameProblems } from '../../src/content/learner-text.ts';
import type { BankQuestion } from '../../src/content/schemas.ts';
import { contentCopy, edit, problemsOf, removeCopies } from './copy.ts';

afterEach(removeCopies);

describe('internal file names in learner-facing text', () => {
  it.each([
    ['Guia completo (seed 001): seções I e II', 'seed 001'],
    ['Para as notas (Seed 2), MLOps é…', 'Seed 2'],
    ['Segundo o material 004, o engenheiro…', 'material 004'],
    ['Fonte: 001_1bcf1295be94a6cc.txt § Glossário', '001_1bcf1295be94a6cc'],
    ['Leia o notas.txt antes da aula', 'notas.txt'],
  ])('finds the internal name in "%s"', (text, found) => {
    expect(findInternalName(text)).toContain(found);
  });

  it.each([
    'Material da Aula 2 — Guia completo de MLOps: seções I e II',
    'Fixe a random seed 42 para reproduzir o treino',
    'O material da aula cita 90% dos projetos',
  ])('lets "%s" through', (text) => {
    expect(findInternalName(text)).toBeUndefined();
  });

  it('names file, field, question id and rule for a prompt, a choice and an explanation', () => {
    const q: BankQuestion = {
      id: 'l1-exemplo',
      prompt: 'Segundo a seed 000, qual frase resume melhor o MLOps?',
      choices: ['Uma cultura', 'Como no material 004', 'Uma ferramenta'],
      answer: 'A',
      explanation: 'Veja o 000_249f418aba0a812c.txt.',
      difficulty: 'easy',
      tags: [],
      glossary: [],
      source: '000_249f418aba0a812c.txt § O que é MLOps?',
      lesson: 1,
      file: 'content/quizzes/01-x.yaml',
      index: 3,
    };
    const problems = internalNameProblems({
      courseFile: 'content/course.yaml',
      lessons: [],
      questions: [q],
      glossary: [],
      glossaryFile: 'content/glossary.yaml',
    });
    expect(problems.map((p) => `${p.file} ${p.field} ${p.message}`)).toEqual([
      expect.stringMatching(
        /^content\/quizzes\/01-x\.yaml questions\[3\]\.prompt l1-exemplo: a seed number .*"seed 000" \(learners never see internal file names/,
      ),
      expect.stringMatching(/questions\[3\]\.choices\[1\] l1-exemplo: a material number .*"material 004"/),
      expect.stringMatching(/questions\[3\]\.explanation l1-exemplo: a seed file name/),
    ]);
  });

  it('checks lesson front matter and glossary entries, but not the machine sources', () => {
    const dir = contentCopy();
    edit(
      path.join(dir, 'lessons', '03-cultura-devops-dataops-mlops.md'),
      /preReading:\n {2}- .*\n/,
      'preReading:\n  - "Material 003: Unidades 01 e 02"\n',
    );
    edit(
      path.join(dir, 'glossary.yaml'),
      'Ferramenta citada para gerenciamento',
      'Ferramenta citada na seed 002 para gerenciamento',
    );
    const problems = problemsOf(dir);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'content/lessons/03-cultura-devops-dataops-mlops.md',
        field: 'preReading[0]',
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'content/glossary.yaml',
        field: expect.stringMatching(/^terms\[\d+\]\.definition$/),
        message: expect.stringMatching(/^mlflow: a seed number/),
      }),
    );
    expect(problems.filter((p) => /source/.test(p.field))).toEqual([]);
  });
});

describe('source references', () => {
  it('refuses a source whose file has no title in course.yaml, and one that names nothing', () => {
    const dir = contentCopy();
    edit(path.join(dir, 'course.yaml'), /\n {2}004_cd6f5de89e7adce4\.txt: .*/, '');
    edit(
      path.join(dir, 'glossary.yaml'),
      'source: "003_6284a55e34df5567.txt § Conceito de Cultura"',
      'source: "Slides da professora"',
    );
    const problems = problemsOf(dir);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'content/lessons/04-mlops-e-dataops-papeis-e-ferramentas.md',
        field: 'sources[0]',
        message: expect.stringContaining('004_cd6f5de89e7adce4.txt'),
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'content/glossary.yaml',
        field: expect.stringMatching(/^terms\[\d+\]\.source$/),
        message: expect.stringMatching(/^aiops: "004_cd6f5de89e7adce4\.txt" has no title/),
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        message: expect.stringMatching(/^culture: "Slides da professora" names neither/),
      }),
    );
  });

  it('accepts general knowledge, alone or next to a material, and asks it to say what it is', () => {
    const dir = contentCopy();
    const glossary = path.join(dir, 'glossary.yaml');
    edit(
      glossary,
      'source: "003_6284a55e34df5567.txt § Conceito de Cultura"',
      'source: "general: conhecimento geral (cultura organizacional)"',
    );
    edit(
      glossary,
      'source: "003_6284a55e34df5567.txt § Princípios de DataOps"',
      'source: "003_6284a55e34df5567.txt § Princípios de DataOps; general: definição usual de cycle time"',
    );
    edit(glossary, 'source: "004_cd6f5de89e7adce4.txt § Big Data x Small Data"\n', 'source: "general:"\n');
    const problems = problemsOf(dir).filter((p) => p.field.endsWith('.source'));
    expect(problems).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^small-data: "general:" needs a short description/),
      }),
    ]);
  });
});
