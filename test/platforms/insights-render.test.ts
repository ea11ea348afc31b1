// The biggest insights messages a class can produce, rendered by the real Discord and Slack renderers: every payload
// within the platform's limits, and nothing dropped (the last line of each list is still somewhere in the payloads).
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/core/i18n.ts';
import { analyzeItem } from '../../src/core/item-analysis.ts';
import { renderDigest, renderReports, type ReportView } from '../../src/core/insights-digest.ts';
import { renderLessonInsights, renderOverview, type InsightItem } from '../../src/core/insights-render.ts';
import type { OutMessage } from '../../src/core/message.ts';
import { DISCORD_LIMITS, renderDiscord } from '../../src/platforms/discord/render.ts';
import { renderSlack, SLACK_LIMITS } from '../../src/platforms/slack/render.ts';

const t = translator('pt-BR');
const long = (n: number, word = 'palavra') => Array.from({ length: n }, () => word).join(' ');

const item = (i: number): InsightItem => ({
  question: {
    id: `l${(i % 9) + 1}-questao-com-um-id-bem-comprido-${i}`,
    prompt: long(60),
    lesson: (i % 9) + 1,
    choices: ['a', 'b', 'c', 'd', 'e'].map((c) => long(40, c)),
  },
  analysis: analyzeItem({
    letters: ['A', 'B', 'C', 'D', 'E'],
    answer: 'A',
    counts: { A: 1, B: 100, C: 0, D: 0, E: 0 },
    members: Array.from({ length: 10 }, (_, m) => ({
      itemRight: m % 2,
      itemTotal: 1,
      allRight: (m % 2) + (9 - m),
      allTotal: 10,
    })),
  }),
});

const reports: ReportView[] = Array.from({ length: 100 }, (_, i) => ({
  id: 1000 + i,
  questionId: `l2-questao-${i % 40}`,
  reason: (['wrong-key', 'ambiguous', 'typo', 'other'] as const)[i % 4]!,
  text: `${'**negrito** <@&123> @everyone '.repeat(20)}fim ${i}`,
  memberName: `[Nitro](https://x.example) ${'n'.repeat(20)} ${i}`,
}));

const MESSAGES: Record<string, { message: OutMessage; last: string }> = {
  overview: {
    message: renderOverview(
      {
        activity: {
          kinds: [
            { kind: 'daily', answers: 300_000, members: 9_000 },
            { kind: 'live', answers: 100_000, members: 5_000 },
            { kind: 'practice', answers: 600_000, members: 10_000 },
          ],
          members: 10_000,
        },
        lessons: Array.from({ length: 9 }, (_, i) => ({ lesson: i + 1, right: 50 + i, n: 100 })),
        missed: Array.from({ length: 5 }, (_, i) => item(i)),
        reflections: { lesson: 3, count: 4000 },
        stopped: { names: Array.from({ length: 30 }, (_, i) => `${'x'.repeat(32)}${i}`), count: 5000 },
      },
      'week',
      t,
      'pt-BR',
    ),
    last: 'e mais 4970',
  },
  lesson: {
    message: renderLessonInsights(
      { number: 2, title: long(10) },
      Array.from({ length: 80 }, (_, i) => item(i)),
      'all',
      t,
      'pt-BR',
    ),
    last: 'questao-com-um-id-bem-comprido-79',
  },
  reports: { message: renderReports(reports, 250, t), last: '#1099' },
  digest: {
    message: renderDigest(
      {
        lesson: { number: 3, title: long(12) },
        lessons: Array.from({ length: 9 }, (_, i) => ({ lesson: i + 1, right: 10 * i, n: 100 })),
        missed: Array.from({ length: 5 }, (_, i) => item(i)),
        reports: { open: reports, total: 250 },
        reflections: {
          count: 4000,
          first: Array.from({ length: 5 }, (_, i) => ({
            name: `membro ${i}`,
            text: `${long(60)}\n${long(60)}\n${long(60)}\nfinal ${i}`,
          })),
        },
      },
      t,
      'pt-BR',
    ),
    last: 'membro 4',
  },
};

describe('insights within the platforms’ limits', () => {
  for (const [name, { message, last }] of Object.entries(MESSAGES)) {
    it(`${name}: Discord`, () => {
      const payloads = renderDiscord(message);
      for (const p of payloads) {
        expect(p).not.toHaveProperty('content');
        expect(p.embeds.length).toBeLessThanOrEqual(10);
        for (const e of p.embeds) {
          expect(e.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.description);
          expect(e.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.title);
          expect(e.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
          const total =
            (e.title?.length ?? 0) +
            (e.description?.length ?? 0) +
            (e.footer?.text.length ?? 0) +
            (e.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0);
          expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
        }
        expect(p.allowed_mentions).toEqual({ parse: [] });
      }
      const all = JSON.stringify(payloads);
      expect(all).toContain(last);
      // User text is escaped: a role mention stays text (\\< in the JSON).
      expect(all).not.toMatch(/[^\\]<@&123>/);
    });

    it(`${name}: Slack`, () => {
      const payloads = renderSlack(message);
      for (const p of payloads) {
        expect(p.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
        expect(p.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
        for (const b of p.blocks) {
          if (b.type === 'section') expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
          if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.header);
          if (b.type === 'context')
            for (const e of b.elements) expect(e.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
        }
      }
      const all = JSON.stringify(payloads);
      expect(all).toContain(last);
      expect(all).not.toContain('<@&123>');
    });
  }

  it('pages the long ones into several messages', () => {
    expect(renderDiscord(MESSAGES.reports!.message).length).toBeGreaterThan(1);
    expect(renderSlack(MESSAGES.lesson!.message).flatMap((p) => p.blocks).length).toBeGreaterThan(2);
  });
});
