import { beforeAll, describe, expect, it } from 'vitest';
import agenda from '../../commands/agenda.ts';
import { content, fakeContext } from './fake-context.ts';

beforeAll(() => void content());

describe('/agenda run()', () => {
  it("links the lesson's Discord event first when it has one", async () => {
    const fake = fakeContext(agenda, {
      locale: 'pt-BR',
      now: new Date('2026-11-22T15:00:00Z'),
      events: { supports: () => true, eventUrl: () => 'https://discord.com/events/1/2' },
    });
    const [message] = await fake.run();
    expect(message!.links).toEqual([
      { label: '📆 Evento no Discord', url: 'https://discord.com/events/1/2' },
    ]);
    expect(fake.callsTo('events.eventUrl')[0]![1]).toBe(3);
  });

  it('adds the "Adicionar ao calendário" link to the class feed only when PUBLIC_URL is set', async () => {
    const now = new Date('2026-11-22T15:00:00Z');
    const [plain] = await fakeContext(agenda, { locale: 'pt-BR', now }).run();
    expect(plain!.links).toBeUndefined();
    const fake = fakeContext(agenda, { locale: 'pt-BR', now, publicUrl: 'https://turma.example.org' });
    const [linked] = await fake.run();
    expect(linked!.links).toEqual([
      {
        label: '📅 Adicionar ao calendário',
        url: `https://turma.example.org/calendar/${'T'.repeat(43)}.ics`,
      },
    ]);
    expect(fake.callsTo('repos.calendarFeeds.ensure')).toEqual([[1, now]]);
  });

  it('shows the next lesson with its local time, relative day, objectives, reading and prompts', async () => {
    const [message, ...more] = await fakeContext(agenda, {
      locale: 'pt-BR',
      now: new Date('2026-11-22T15:00:00Z'),
    }).run();
    expect(more).toEqual([]);
    expect(message!.title).toBe('📚 Aula 3 — Cultura e práticas: DevOps, DataOps e MLOps');
    expect(message!.text).toMatch(/^🗓️ terça-feira, 24 de novembro de 2026 às 19:00 \(depois de amanhã\)\n/);
    expect(message!.fields?.map((f) => f.name)).toEqual([
      'Objetivos',
      'Tópicos',
      'Leitura prévia',
      'Reflexões pré-aula',
    ]);
    // A one-item list still reads as a list.
    expect(message!.fields?.[2]?.value).toBe(
      '- Material da Aula 3 — Cultura e práticas DataOps e MLOps: Unidades 01 e 02',
    );
    expect(message!.fields?.[3]?.value.split('\n')).toHaveLength(5);
    expect(JSON.stringify(message)).not.toMatch(/seed \d|\.txt/i);
    expect(message!.footer).toMatch(/^Horários em America\/Sao_Paulo\./);
    // The agenda is for everyone in the channel.
    expect(message!.ephemeral).toBeUndefined();
  });

  it('finds a lesson by number, "aula N", "lesson N" or part of its title', async () => {
    const titleOf = async (lesson: string) =>
      (await fakeContext(agenda, { args: { lesson } }).run())[0]?.title;
    expect(await titleOf('4')).toBe('📚 Lesson 4 — MLOps e DataOps: pipeline de ML, papéis e ferramentas');
    expect(await titleOf('aula 5')).toBe('📚 Lesson 5 — Versionamento de dados e modelos');
    expect(await titleOf('lesson 2')).toMatch(/^📚 Lesson 2 — /);
    expect(await titleOf('cultura')).toBe('📚 Lesson 3 — Cultura e práticas: DevOps, DataOps e MLOps');
    // A title that is also part of other titles is still that lesson.
    expect(await titleOf('Pipelines de treinamento')).toBe('📚 Lesson 6 — Pipelines de treinamento');
  });

  it('dates a lesson after the year-end break a week later per skipped week', async () => {
    const [lesson5] = await fakeContext(agenda, { locale: 'pt-BR', args: { lesson: '5' } }).run();
    expect(lesson5!.text).toContain('terça-feira, 8 de dezembro de 2026 às 19:00');
    const [lesson7] = await fakeContext(agenda, { locale: 'pt-BR', args: { lesson: '7' } }).run();
    expect(lesson7!.text).toContain('terça-feira, 5 de janeiro de 2027 às 19:00');
  });

  it('shows the lesson in progress during class, and a past lesson as past', async () => {
    const during = { now: new Date('2026-11-24T22:30:00Z') };
    const [current] = await fakeContext(agenda, during).run();
    expect(current!.title).toMatch(/^📚 Lesson 3 /);
    expect(current!.text?.split('\n')[1]).toMatch(/^🔴 In progress: started /);
    const [past] = await fakeContext(agenda, { ...during, args: { lesson: '1' } }).run();
    expect(past!.text?.split('\n')[1]).toBe('This lesson has already taken place.');
  });

  it('follows a community that moved its first class, in its own timezone', async () => {
    const [message] = await fakeContext(agenda, {
      now: new Date('2026-11-20T12:00:00Z'),
      community: { firstClass: '2026-11-19T19:00', timezone: 'Europe/Lisbon' },
    }).run();
    // Lesson 2 is a week after the moved first class, 19:00 in São Paulo = 22:00 in Lisbon.
    expect(message!.title).toMatch(/^📚 Lesson 2 /);
    expect(message!.text).toContain('Thursday, November 26, 2026 at 10:00');
    expect(message!.footer).toMatch(/^Times in Europe\/Lisbon\./);
  });

  it('says the course has ended after the last class, naming the last lesson', async () => {
    const messages = await fakeContext(agenda, {
      locale: 'pt-BR',
      now: new Date('2027-03-01T12:00:00Z'),
    }).run();
    expect(messages).toEqual([
      {
        text: expect.stringMatching(
          /^O curso terminou: a última aula \(9 — Integração com outros domínios \(NLP\)\) foi .*19 de janeiro de 2027/,
        ),
      },
    ]);
  });

  it('refuses an unknown lesson, listing the lessons, and marks what the user typed', async () => {
    const error = await fakeContext(agenda, { args: { lesson: 'aula 99' } }).refusal();
    expect(error.code).toBe('lesson-not-found');
    expect(error.message).toContain(
      'I could not find lesson “\uE002aula 99\uE003”. Lessons: 1 — Introdução ao MLOps;',
    );
    expect((await fakeContext(agenda, { args: { lesson: '-1' } }).refusal()).code).toBe('lesson-not-found');
  });

  it('quotes at most 40 characters of what the user typed', async () => {
    const error = await fakeContext(agenda, { args: { lesson: 'Zebra '.repeat(16) } }).refusal();
    const quoted = /\uE002([^\uE003]*)\uE003/.exec(error.message)?.[1];
    expect(quoted).toMatch(/^Zebra Zebra /);
    expect(quoted!.length).toBeLessThanOrEqual(40);
  });

  it('refuses an ambiguous title, naming the candidates and an example', async () => {
    const error = await fakeContext(agenda, { args: { lesson: 'mlops' } }).refusal();
    expect(error.code).toBe('lesson-ambiguous');
    expect(error.message).toMatch(
      /^Several lessons match “\uE002mlops\uE003”: 1 — Introdução ao MLOps; .*for example 1\.$/,
    );
  });

  it('refuses when the community has no lessons at all', async () => {
    const error = await fakeContext(agenda, { schedule: [] }).refusal();
    expect(error.code).toBe('no-lessons');
    expect(error.message).toBe('The course has no lessons yet.');
  });

  it('reads nothing from the database where the platform keeps no scheduled events and PUBLIC_URL is unset', async () => {
    const fake = fakeContext(agenda, { args: { lesson: '3' } });
    await fake.run();
    // Only the in-memory question whether this platform has events at all.
    expect(fake.calls.map((c) => c.name)).toEqual(['events.supports']);
  });

  it('autocompletes lessons by number and title, at most 25', () => {
    const fake = fakeContext(agenda);
    expect(fake.autocomplete('lesson', 'versiona')).toEqual([
      { name: '5. Versionamento de dados e modelos', value: '5' },
    ]);
    expect(fake.autocomplete('lesson', '')).toHaveLength(9);
  });
});
