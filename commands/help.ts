import { defineCommand } from '../src/bot/command.ts';
import { usage } from '../src/bot/options.ts';

export default defineCommand({
  name: 'help',
  description: { 'pt-BR': 'Mostra o que o bot sabe fazer', en: 'Shows what the bot can do' },
  options: {},
  run({ commands, locale, t }) {
    const lines = commands.map(
      (c) => `- \`${usage(c)}\` — ${c.description[locale]}${c.adminOnly ? ` ${t('help.admin')}` : ''}`,
    );
    return {
      title: t('help.title'),
      text: [t('help.intro'), ...lines].join('\n'),
      footer: t('help.footer'),
      ephemeral: true,
    };
  },
});
