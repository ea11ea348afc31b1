import { defineCommand } from '../src/bot/command.ts';
import { usage } from '../src/bot/options.ts';

export default defineCommand({
  name: 'help',
  description: { 'pt-BR': 'Mostra o que o bot sabe fazer', en: 'Shows what the bot can do' },
  options: {},
  run({ commands, actor, locale, t }) {
    // The commands the caller may use: admin-only ones are listed (and marked) for admins only.
    const usable = commands.filter((c) => actor.isAdmin || !c.adminOnly);
    const lines = usable.map(
      (c) => `- \`${usage(c)}\` — ${c.description[locale]}${c.adminOnly ? ` ${t('help.admin')}` : ''}`,
    );
    const hidden = usable.length < commands.length;
    return {
      title: t('help.title'),
      text: [t('help.intro'), ...lines, ...(hidden ? ['', t('help.monitorsSeeMore')] : [])].join('\n'),
      footer: t('help.footer'),
      ephemeral: true,
    };
  },
});
