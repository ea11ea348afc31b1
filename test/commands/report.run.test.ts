import { describe, expect, it } from 'vitest';
import report, { REPORT_TEXT_MAX, REPORTS_PER_HOUR } from '../../commands/report.ts';
import { userText } from '../../src/core/message.ts';
import type { QuestionReportRow } from '../../src/db/schema.ts';
import { ANA, COMMUNITY_ID, fakeContext, NOW } from './fake-context.ts';

const Q1 = 'l1-mlops-definicao';
const LATER = 'l5-por-que-versionar-dados';

/** A fake `file` that answers as the repository does for a new, updated or reopened report. */
const filing = (how: 'created' | 'updated' | 'reopened' = 'created') => ({
  file: (input: { questionId: string; reason: string; text: string | null; now: Date }) => ({
    row: { id: 1, ...input } as unknown as QuestionReportRow,
    created: how === 'created',
    reopened: how === 'reopened',
  }),
  filedSince: () => [],
  lastSeenQuestion: () => undefined,
});

describe('/report run()', () => {
  it('files a report for a named question with a reason in Portuguese and a comment, privately', async () => {
    const fake = fakeContext(report, {
      locale: 'pt-BR',
      args: { question: Q1, reason: 'errada', text: 'A certa é a C' },
      repos: { reports: filing() },
    });
    expect(await fake.run()).toEqual([
      {
        text: `Obrigado! Registrei seu relato sobre a pergunta ${Q1} (Resposta errada). Os monitores vão revisar.\nSeu comentário: ${userText('A certa é a C')}`,
        ephemeral: true,
      },
    ]);
    expect(fake.callsTo('repos.reports.file')).toEqual([
      [
        {
          communityId: COMMUNITY_ID,
          memberId: ANA.id,
          questionId: Q1,
          reason: 'wrong-key',
          text: 'A certa é a C',
          now: NOW,
        },
      ],
    ]);
  });

  it('accepts the reasons in both languages and any case, and the id in any case', async () => {
    const cases = [
      ['ambígua', 'ambiguous'],
      ['AMBIGUOUS', 'ambiguous'],
      ['texto', 'typo'],
      ['typo', 'typo'],
      ['outro', 'other'],
      ['wrong-key', 'wrong-key'],
    ] as const;
    for (const [word, reason] of cases) {
      const fake = fakeContext(report, {
        args: { question: Q1.toUpperCase(), reason: word },
        repos: { reports: filing() },
      });
      await fake.run();
      expect(fake.callsTo('repos.reports.file')[0]![0]).toMatchObject({ questionId: Q1, reason, text: null });
    }
  });

  it('says when a report was updated (one per member and question) or reopened', async () => {
    const updated = fakeContext(report, {
      args: { question: Q1, reason: 'typo' },
      repos: { reports: filing('updated') },
    });
    expect((await updated.run())[0]!.text).toBe(
      `You had already reported question ${Q1}: your report is updated (Typo or text error).`,
    );
    const reopened = fakeContext(report, {
      args: { question: Q1, reason: 'other' },
      repos: { reports: filing('reopened') },
    });
    expect((await reopened.run())[0]!.text).toContain('reopened (Other)');
  });

  it('means the last question the member saw when none is named; the first word may be the reason', async () => {
    const fake = fakeContext(report, {
      args: { question: 'errada', reason: 'o', text: 'gabarito está trocado' },
      repos: { reports: { ...filing(), lastSeenQuestion: () => Q1 } },
    });
    await fake.run();
    expect(fake.callsTo('repos.reports.lastSeenQuestion')).toEqual([[ANA.id]]);
    expect(fake.callsTo('repos.reports.file')[0]![0]).toMatchObject({
      questionId: Q1,
      reason: 'wrong-key',
      text: 'o gabarito está trocado',
    });
  });

  it('bounds the comment after moving the first word into it', async () => {
    const fake = fakeContext(report, {
      args: { question: 'errada', reason: 'muito', text: 'x'.repeat(REPORT_TEXT_MAX) },
      repos: { reports: { ...filing(), lastSeenQuestion: () => Q1 } },
    });
    expect((await fake.refusal()).code).toBe('too-long');
    expect(fake.callsTo('repos.reports.file')).toEqual([]);
  });

  it('says how to name a question when the member has seen none', async () => {
    const fake = fakeContext(report, { args: { reason: 'typo' }, repos: { reports: filing() } });
    const refusal = await fake.refusal();
    expect(refusal.message).toContain('/report <question> <reason> [comment]');
    expect(fake.callsTo('repos.reports.file')).toEqual([]);
  });

  it('refuses an unknown question with suggestions from taught lessons only', async () => {
    const typo = await fakeContext(report, {
      args: { question: 'l1-mlops-definicão', reason: 'typo' },
      repos: { reports: filing() },
    }).refusal();
    expect(typo.code).toBe('not-found');
    expect(typo.message).toContain(`Did you mean: ${Q1}?`);
    expect(typo.message).not.toMatch(/\.ya?ml|\.txt/);
    // Lesson 5 is not taught yet: its question exists but is not offered as a suggestion.
    const ahead = await fakeContext(report, {
      args: { question: 'l5-por-que', reason: 'typo' },
      repos: { reports: filing() },
    }).refusal();
    expect(ahead.message).not.toContain(LATER);
  });

  it('refuses a reason that is not one of the four', async () => {
    const refusal = await fakeContext(report, {
      args: { question: Q1, reason: 'chato' },
      repos: { reports: filing() },
    }).refusal();
    expect(refusal.message).toBe(
      `Unknown reason: “${userText('chato')}”. Use one of: wrong, ambiguous, typo, other.`,
    );
  });

  it(`refuses a new question after ${REPORTS_PER_HOUR} in the last hour, but still lets one of them be updated`, async () => {
    const recent = Array.from({ length: REPORTS_PER_HOUR }, (_, i) => ({
      questionId: i === 3 ? Q1 : `l2-x${i}`,
      updatedAt: new Date(NOW.getTime() - (i + 1) * 60_000),
    }));
    const other = fakeContext(report, {
      args: { question: 'l1-mlops-cultura', reason: 'typo' },
      repos: { reports: { ...filing(), filedSince: () => recent } },
    });
    const refusal = await other.refusal();
    expect(refusal.code).toBe('rate-limited');
    // The oldest of the ten was 10 minutes ago: it leaves the window in 50 minutes.
    expect(refusal.message).toBe(
      `You have sent ${REPORTS_PER_HOUR} reports in the last hour — thanks for caring! Try again in 50 min.`,
    );
    expect(other.callsTo('repos.reports.filedSince')).toEqual([
      [ANA.id, new Date(NOW.getTime() - 3_600_000), REPORTS_PER_HOUR],
    ]);
    expect(other.callsTo('repos.reports.file')).toEqual([]);
    const same = fakeContext(report, {
      args: { question: Q1, reason: 'typo' },
      repos: { reports: { ...filing('updated'), filedSince: () => recent } },
    });
    await same.run();
    expect(same.callsTo('repos.reports.file')).toHaveLength(1);
  });

  it('answers without a reason with the form (fields and the question it carries), and how to do it by command', async () => {
    const fake = fakeContext(report, {
      locale: 'pt-BR',
      args: { question: Q1 },
      repos: { reports: filing() },
    });
    const [message] = await fake.run();
    expect(message).toMatchObject({
      title: `⚑ Problema na pergunta ${Q1}`,
      footer: `Para relatar: /report ${Q1} errada|ambígua|texto|outro [comentário]`,
      ephemeral: true,
      form: {
        command: 'report',
        title: 'Reportar problema',
        values: { question: Q1 },
        fields: [
          {
            kind: 'choice',
            name: 'reason',
            options: [
              { value: 'wrong-key', label: 'Resposta errada' },
              { value: 'ambiguous', label: 'Ambígua' },
              { value: 'typo', label: 'Erro de texto' },
              { value: 'other', label: 'Outro' },
            ],
          },
          { kind: 'text', name: 'text', maxLength: REPORT_TEXT_MAX, required: false },
        ],
      },
    });
    expect(message!.text).toContain('Qual frase resume melhor o que é MLOps');
    expect(message!.replace).toBeUndefined();
    expect(fake.callsTo('repos.reports.file')).toEqual([]);
  });

  it('opens the form from the ⚑ button, and refuses a button of an unknown question', async () => {
    const fake = fakeContext(report, { repos: { reports: filing() } });
    const [form] = await fake.click(`rp:${Q1}`);
    expect(form!.form?.values).toEqual({ question: Q1 });
    expect((await fake.clickRefusal('rp:nope')).code).toBe('not-found');
  });

  it('suggests taught questions by id and by prompt words, and the four reasons', () => {
    const fake = fakeContext(report, { locale: 'pt-BR' });
    const byId = fake.autocomplete('question', 'l1-mlops');
    expect(byId.map((c) => c.value)).toContain(Q1);
    expect(byId.every((c) => c.value.startsWith('l1-mlops'))).toBe(true);
    const byPrompt = fake.autocomplete('question', 'resume melhor MLOps');
    expect(byPrompt[0]).toEqual({
      name: expect.stringMatching(new RegExp(`^${Q1} — Qual frase`)),
      value: Q1,
    });
    expect(fake.autocomplete('question', 'l5-').map((c) => c.value)).toEqual([]);
    for (const c of fake.autocomplete('question', '')) expect(c.name.length).toBeLessThanOrEqual(100);
    expect(fake.autocomplete('reason', '').map((c) => c.value)).toEqual([
      'wrong-key',
      'ambiguous',
      'typo',
      'other',
    ]);
    expect(fake.autocomplete('reason', 'amb')).toEqual([{ name: 'Ambígua', value: 'ambiguous' }]);
  });
});
