import { beforeAll, describe, expect, it } from 'vitest';
import glossary from '../../commands/glossary.ts';
import { userText } from '../../src/core/message.ts';
import { content, fakeContext } from './fake-context.ts';

beforeAll(() => void content());

const lookUp = (term: string) => fakeContext(glossary, { args: { term } });

describe('/glossary run()', () => {
  it('shows an entry for everyone: definition, aliases, related terms, lessons and the source by title', async () => {
    const messages = await lookUp('feature store').run();
    expect(messages).toHaveLength(1);
    const [entry] = messages;
    expect(entry!.title).toBe('📖 Feature Store');
    expect(entry!.text).toBe(content().glossary.find((e) => e.term === 'Feature Store')!.definition);
    expect(entry!.fields?.map((f) => f.name)).toEqual(['Also called', 'Related', 'Lessons']);
    expect(entry!.footer).toMatch(/^Source: Material da Aula \d — /);
    expect(entry!.footer).not.toMatch(/\.txt/);
    expect(entry!.ephemeral).toBeUndefined();
  });

  it('shows up to three matches in full, typos forgiven', async () => {
    const messages = await lookUp('drfit').run();
    expect(messages.map((m) => m.title)).toEqual(['📖 Concept Drift', '📖 Data Drift']);
    expect(messages[0]?.fields?.find((f) => f.name === 'Related')?.value).toContain('Data Drift');
  });

  it('lists many matches privately, by name with the start of each definition', async () => {
    const [list, ...more] = await lookUp('dados').run();
    expect(more).toEqual([]);
    expect(list!.ephemeral).toBe(true);
    const lines = list!.text!.split('\n');
    expect(lines[0]).toBe(`12 terms match “${userText('dados')}”:`);
    expect(lines.slice(1, -1)).toHaveLength(10);
    expect(lines[1]).toMatch(/^- \*\*Cientista de Dados\*\* — .{1,80}$/);
    expect(lines.at(-1)).toBe('Type the full name to see its definition.');
  });

  it('refuses an unknown term with close suggestions and the way to the list', async () => {
    const error = await lookUp('aioqq').refusal();
    expect(error.code).toBe('not-found');
    expect(error.message).toBe(
      [
        `I did not find “${userText('aioqq')}” in the glossary.`,
        'Did you mean: AIOps?',
        'Use /glossary with no term to see the full list.',
      ].join('\n'),
    );
  });

  it('suggests starting points when nothing is even close', async () => {
    const error = await lookUp('zzzqqq').refusal();
    expect(error.code).toBe('not-found');
    expect(error.message.split('\n')[1]).toBe(
      `Try, for example: ${content()
        .glossaryIndex.startingPoints()
        .map((e) => e.term)
        .join(', ')}.`,
    );
  });

  it('refuses a term with no letters or digits', async () => {
    const error = await lookUp(' !!! ').refusal();
    expect(error.code).toBe('empty-term');
    expect(error.message).toBe('Type a term with letters or digits, for example: /glossary drift');
  });

  it('lists the terms alphabetically, 20 a page, privately, with a next-page button', async () => {
    const [page] = await fakeContext(glossary).run();
    expect(page!.title).toBe(`Glossary — page 1 of 4 (${content().glossary.length} terms)`);
    expect(page!.text?.split('\n')).toHaveLength(20);
    expect(page!.text?.split('\n')[0]).toBe('- AIOps');
    expect(page!.buttons).toEqual([{ id: 'gl:p:2', label: 'Next ▶', style: 'secondary' }]);
    expect(page!.ephemeral).toBe(true);
  });

  it('pages with the buttons, replacing the message that carried them', async () => {
    const fake = fakeContext(glossary, { locale: 'pt-BR' });
    const [second] = await fake.click('gl:p:2');
    expect(second!.replace).toBe(true);
    expect(second!.title).toMatch(/ 2 .* 4 /);
    expect(second!.buttons?.map((b) => b.id)).toEqual(['gl:p:1', 'gl:p:3']);
    const [last] = await fake.click('gl:p:4');
    expect(last!.buttons?.map((b) => b.id)).toEqual(['gl:p:3']);
    // A page past the end shows the last one.
    const [beyond] = await fake.click('gl:p:99');
    expect(beyond!.title).toBe(last!.title);
  });

  it('refuses a button it does not know as stale', async () => {
    const error = await fakeContext(glossary).clickRefusal('gl:x');
    expect(error.code).toBe('stale-button');
  });

  it('creates no community or member rows for a look-up', async () => {
    const fake = lookUp('mlops');
    await fake.run();
    await fake.click('gl:p:2');
    expect(fake.calls).toEqual([]);
  });

  it('autocompletes matches and close terms, and the alphabetical list when empty', () => {
    const fake = fakeContext(glossary);
    expect(fake.autocomplete('term', 'drif')).toEqual([
      { name: 'Concept Drift', value: 'Concept Drift' },
      { name: 'Data Drift', value: 'Data Drift' },
    ]);
    const all = fake.autocomplete('term', ' ');
    expect(all).toHaveLength(25);
    expect(all[0]).toEqual({ name: 'AIOps', value: 'AIOps' });
  });
});
