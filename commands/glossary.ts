import { userText } from '../src/core/message.ts';
import { defineCommand } from '../src/bot/command.ts';
import { UserError } from '../src/core/errors.ts';
import {
  renderGlossaryEntry,
  renderGlossaryPage,
  renderGlossaryShortList,
} from '../src/core/glossary-render.ts';
import { normalize, truncate } from '../src/core/text.ts';

const MAX_FULL_ENTRIES = 3;

export default defineCommand({
  name: 'glossary',
  description: {
    'pt-BR': 'Procura um termo do glossário do curso',
    en: 'Look up a term in the course glossary',
  },
  options: {
    term: {
      type: 'string',
      description: {
        'pt-BR': 'Termo, sigla ou sinônimo (vazio: lista)',
        en: 'Term, acronym or synonym (empty: list)',
      },
      autocomplete: true,
      maxLength: 100,
      rest: true,
    },
  },
  actionPrefixes: ['gl'],
  run({ args, content, t }) {
    if (args.term === undefined) return renderGlossaryPage(content.glossary, 1, t);
    const query = truncate(normalize(args.term), 40);
    if (!query) throw new UserError('empty-term', t('glossary.empty'));
    const hits = content.glossaryIndex.search(args.term);
    if (hits.length === 0) {
      const close = content.glossaryIndex.suggest(args.term).map((e) => e.term);
      const hint = close.length
        ? t('glossary.didYouMean', { suggestions: close.join(', ') })
        : t('glossary.tryThese', {
            suggestions: content.glossaryIndex
              .startingPoints()
              .map((e) => e.term)
              .join(', '),
          });
      throw new UserError(
        'not-found',
        [t('glossary.notFound', { query: userText(query) }), hint, t('glossary.seeList')].join('\n'),
      );
    }
    if (hits.length > MAX_FULL_ENTRIES)
      return renderGlossaryShortList(
        hits.map((h) => h.entry),
        query,
        t,
      );
    return hits.map((h) => renderGlossaryEntry(h.entry, content.glossary, t, content.course.materials));
  },
  action({ payload, content, t }) {
    const page = /^p:(\d{1,4})$/.exec(payload);
    if (!page) throw new UserError('stale-button', t('error.staleButton'));
    return { ...renderGlossaryPage(content.glossary, Number(page[1]), t), replace: true };
  },
  autocomplete({ content }, _option, partial) {
    const entries = partial.trim()
      ? [
          ...content.glossaryIndex.search(partial).map((h) => h.entry),
          ...content.glossaryIndex.suggest(partial, 10),
        ]
      : [...content.glossary].sort((a, b) => a.term.localeCompare(b.term));
    return [...new Set(entries)].slice(0, 25).map((e) => ({ name: e.term, value: e.term }));
  },
});
