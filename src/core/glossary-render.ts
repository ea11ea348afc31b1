// Glossary entries and pages as neutral messages.
import type { Translate } from './i18n.ts';
import { type Field, type OutMessage, userText } from './message.ts';
import { type MaterialTitles, renderSource } from './source-label.ts';
import { truncate } from './text.ts';

/** What rendering needs of a glossary entry (the content schema's GlossaryEntry has these and more). */
export interface GlossaryEntry {
  id: string;
  term: string;
  aliases: { pt: readonly string[]; en: readonly string[] };
  definition: string;
  related: readonly string[];
  lessons: readonly number[];
  source: string;
}

export const GLOSSARY_PAGE_SIZE = 20;

/** One entry in full: definition, aliases, related terms, lessons and source (by the material's title). */
export function renderGlossaryEntry(
  entry: GlossaryEntry,
  all: readonly GlossaryEntry[],
  t: Translate,
  materials: MaterialTitles,
): OutMessage {
  const fields: Field[] = [];
  const aliases = [...entry.aliases.pt, ...entry.aliases.en];
  if (aliases.length) fields.push({ name: t('glossary.aliases'), value: aliases.join(', ') });
  const related = entry.related.map((id) => all.find((e) => e.id === id)?.term).filter(Boolean);
  if (related.length) fields.push({ name: t('glossary.related'), value: related.join(', '), inline: true });
  if (entry.lessons.length)
    fields.push({ name: t('glossary.lessons'), value: entry.lessons.join(', '), inline: true });
  return {
    title: `📖 ${entry.term}`,
    text: entry.definition,
    fields,
    footer: `${t('glossary.source')}: ${renderSource(entry.source, materials, t)}`,
  };
}

/** Several matches: names with the start of each definition. */
export function renderGlossaryShortList(
  entries: readonly GlossaryEntry[],
  query: string,
  t: Translate,
): OutMessage {
  const lines = entries.slice(0, 10).map((e) => `- **${e.term}** — ${truncate(e.definition, 80)}`);
  return {
    text: [
      t('glossary.many', { count: entries.length, query: userText(query) }),
      ...lines,
      t('glossary.refine'),
    ].join('\n'),
    ephemeral: true,
  };
}

/** The alphabetical list of terms, one page, with previous/next buttons. */
export function renderGlossaryPage(
  entries: readonly GlossaryEntry[],
  page: number,
  t: Translate,
): OutMessage {
  const sorted = [...entries].sort((a, b) => a.term.localeCompare(b.term, 'pt-BR'));
  const pages = Math.max(1, Math.ceil(sorted.length / GLOSSARY_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const slice = sorted.slice((current - 1) * GLOSSARY_PAGE_SIZE, current * GLOSSARY_PAGE_SIZE);
  const buttons = [];
  if (current > 1)
    buttons.push({ id: `gl:p:${current - 1}`, label: t('glossary.prev'), style: 'secondary' as const });
  if (current < pages)
    buttons.push({ id: `gl:p:${current + 1}`, label: t('glossary.next'), style: 'secondary' as const });
  return {
    title: t('glossary.listTitle', { page: current, pages, total: sorted.length }),
    text: slice.map((e) => `- ${e.term}`).join('\n'),
    footer: t('glossary.listHint'),
    buttons,
    ephemeral: true,
  };
}
