import { describe, expect, it } from 'vitest';
import { type MemberHome, renderHome } from '../../src/core/home-render.ts';
import { translator } from '../../src/core/i18n.ts';
import { renderHomeView } from '../../src/platforms/slack/home.ts';

const now = new Date('2026-11-23T12:00:00Z');
const view = { now, timezone: 'America/Sao_Paulo', locale: 'en' as const, t: translator('en') };
const base: MemberHome = {
  stats: {
    name: '<!channel> *Ana*',
    week: { points: 3, rank: 2 },
    all: { points: 40 },
    streak: { current: 2, best: 5 },
    due: 4,
  },
};
const text = (home: MemberHome) => JSON.stringify(renderHome(home, view));
const daily = { lesson: 2, rightChoice: 'C', closesAt: new Date('2026-11-23T21:00:00Z') };

describe('the member home', () => {
  it('shows figures, reviews due with the practice button, and says when there is no next lesson or daily', () => {
    const [progress, reviews, next, last] = renderHome(base, view);
    expect(JSON.stringify(progress)).toContain('3 this week · 40 in total');
    expect(JSON.stringify(progress)).toContain('#2 this week · — overall');
    expect(JSON.stringify(progress)).toContain('2 current · 5 best');
    expect(reviews!.text).toBe('Reviews to do now: **4**.');
    expect(reviews!.buttons).toEqual([{ id: 'home:practice', label: 'Practise now', style: 'primary' }]);
    expect(next!.text).toBe('The course has ended: there is no next lesson.');
    expect(next!.buttons).toBeUndefined();
    expect(last!.text).toBe('There has been no question of the day in this community yet.');
  });

  it('shows the next lesson with its objectives, prompts and the reflection button', () => {
    const lesson = {
      number: 3,
      title: 'Cultura',
      objectives: ['Definir cultura'],
      reflectionPrompts: ['Por quê?'],
    };
    const [, , next] = renderHome(
      { ...base, next: { lesson, startsAt: new Date('2026-11-24T22:00:00Z') } },
      view,
    );
    expect(next!.title).toBe('📚 Lesson 3 — Cultura');
    expect(next!.text).toContain('tomorrow');
    expect(next!.fields!.map((f) => f.value)).toEqual(['- Definir cultura', '- Por quê?']);
    expect(next!.buttons).toEqual([{ id: 'home:reflect', label: 'Send reflection' }]);
  });

  it('tells the last daily result without revealing the answer before closing', () => {
    expect(text({ ...base, lastDaily: { ...daily, closed: false } })).toContain('is open until');
    const wrongOpen = text({
      ...base,
      lastDaily: { ...daily, closed: false, answer: { choice: 'A', correct: false } },
    });
    expect(wrongOpen).toContain('You answered A');
    expect(wrongOpen).not.toContain('right one was C');
    expect(
      text({ ...base, lastDaily: { ...daily, closed: true, answer: { choice: 'A', correct: false } } }),
    ).toContain('the right one was C');
    expect(text({ ...base, lastDaily: { ...daily, closed: true } })).toContain('did not answer');
    expect(
      text({ ...base, lastDaily: { ...daily, closed: false, answer: { choice: 'C', correct: true } } }),
    ).toContain('right (Lesson 2), answering C');
  });

  it('becomes a Slack home view with escaped user text and within 100 blocks', () => {
    const home = renderHomeView(renderHome(base, view));
    expect(home.type).toBe('home');
    expect(home.blocks.filter((b) => b.type === 'divider')).toHaveLength(3);
    // The name sits in a plain-text header: shown as typed, never a mention.
    expect(JSON.stringify(home.blocks[0])).toContain(
      '"type":"plain_text","text":"🏠 Your Turma, <!channel> *Ana*"',
    );
    const many = Array.from({ length: 80 }, (_, i) => ({ text: `section ${i}` }));
    expect(renderHomeView(many).blocks).toHaveLength(100);
  });
});
