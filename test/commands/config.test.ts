import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp, runShell, type TestApp } from '../helpers.ts';

let app: TestApp | undefined;
afterEach(() => app?.dispose());

describe('/config locale', () => {
  it('answers in the new language at once, and the community keeps it', async () => {
    app = makeTestApp(new Date('2026-11-22T15:00:00Z'));
    const out = await runShell(app, ['!admin on', '/config locale xx', '/config locale en', '/help']);
    expect(out).toContain('Use pt-BR ou en.');
    expect(out).toContain('Done: Language = en.');
    expect(out).toContain('⚙️ Settings');
    expect(out).toContain('Language: en');
    expect(out).toContain('Turma — what I can do');
    expect(out).not.toContain('Feito:');
  });
});
