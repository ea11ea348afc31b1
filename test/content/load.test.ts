import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { CONTENT_DIR } from '../helpers.ts';
import { contentCopy, edit, problemsOf, removeCopies } from './copy.ts';

afterEach(removeCopies);

describe('loadContent', () => {
  it('loads the shipped course', () => {
    const content = loadContent(CONTENT_DIR);
    expect(content.course.timezone).toBe('America/Sao_Paulo');
    expect(content.glossary.length).toBeGreaterThanOrEqual(40);
  });

  it('names file and field of a schema error', () => {
    const dir = contentCopy();
    edit(path.join(dir, 'glossary.yaml'), 'term: Data Drift', 'term: ""');
    edit(path.join(dir, 'course.yaml'), 'timezone: America/Sao_Paulo', 'timezone: America/Atlantis');
    const problems = problemsOf(dir);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'content/glossary.yaml',
        field: expect.stringMatching(/^terms\[\d+\]\.term$/),
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'content/course.yaml', field: 'timezone' }),
    );
  });

  it('catches unknown related ids and duplicate ids', () => {
    const dir = contentCopy();
    edit(
      path.join(dir, 'glossary.yaml'),
      'related: [concept-drift, continuous-monitoring, retraining-decision]',
      'related: [no-such-term]',
    );
    edit(path.join(dir, 'glossary.yaml'), '- id: small-data', '- id: big-data');
    const messages = problemsOf(dir).map((p) => `${p.field} ${p.message}`);
    expect(messages.some((m) => /related\[0\] unknown glossary id "no-such-term"/.test(m))).toBe(true);
    expect(messages.some((m) => /\.id "big-data" is used twice/.test(m))).toBe(true);
  });

  it('reports broken YAML with its line', () => {
    const dir = contentCopy();
    writeFileSync(path.join(dir, 'course.yaml'), 'id: [unclosed\n');
    expect(problemsOf(dir)).toContainEqual(
      expect.objectContaining({
        file: 'content/course.yaml',
        message: expect.stringContaining('invalid YAML'),
      }),
    );
  });
});

describe('npm run content:check', () => {
  const run = (dir: string) => {
    try {
      return {
        code: 0,
        out: execFileSync('npx', ['tsx', 'src/content/check-cli.ts', dir], {
          encoding: 'utf8',
          stdio: 'pipe',
        }),
      };
    } catch (e) {
      const err = e as { status: number; stderr: string; stdout: string };
      return { code: err.status, out: err.stderr + err.stdout };
    }
  };

  it('passes on the shipped content', () => {
    const { code, out } = run(CONTENT_DIR);
    expect(code).toBe(0);
    expect(out).toMatch(/content ok/);
  });

  it('fails on a broken copy, naming file and field', () => {
    const dir = contentCopy();
    edit(path.join(dir, 'glossary.yaml'), '- id: roi', '- id: ROI Bad');
    const { code, out } = run(dir);
    expect(code).toBe(1);
    expect(out).toMatch(/content\/glossary\.yaml: terms\[\d+\]\.id: must be a slug/);
  });
});
