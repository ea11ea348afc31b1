// The bot's own words in pt-BR (default) and en. Course content stays in the language it was written in.

export const LOCALES = ['pt-BR', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const isLocale = (v: string): v is Locale => (LOCALES as readonly string[]).includes(v);

/** Maps a platform locale ("pt-BR", "pt", "en-US", "en-GB") to ours, or undefined when we have none. */
export function matchLocale(v: string | undefined): Locale | undefined {
  if (!v) return undefined;
  const lower = v.toLowerCase();
  if (lower.startsWith('pt')) return 'pt-BR';
  if (lower.startsWith('en')) return 'en';
  return undefined;
}

const ptBR = {
  'error.generic': 'Algo deu errado do meu lado. Já registrei o problema; tente de novo em instantes.',
  'error.adminOnly': 'Só quem administra a comunidade pode usar este comando.',
  'error.unknownCommand': 'Não conheço o comando /{name}. Use /help para ver o que sei fazer.',
  'error.tooLong': 'Texto longo demais: o máximo é {max} caracteres.',
  'error.badOption': 'Valor inválido para {option}: {reason}',
  'error.missingOption': 'Falta informar {option}. Uso: {usage}',
  'error.unknownOption': 'Opção desconhecida: {option}. Uso: {usage}',
  'error.notInteger': 'deve ser um número inteiro',
  'error.range': 'deve estar entre {min} e {max}',
  'error.notUser': 'mencione um membro, por exemplo @ana',
  'error.choices': 'use um destes: {choices}',
  'error.staleButton': 'Este botão não vale mais. Rode o comando de novo para continuar.',
  'glossary.empty': 'Digite um termo com letras ou números, por exemplo: /glossary drift',
  'glossary.notFound': 'Não encontrei “{query}” no glossário.',
  'glossary.didYouMean': 'Você quis dizer: {suggestions}?',
  'glossary.tryThese': 'Experimente, por exemplo: {suggestions}.',
  'glossary.seeList': 'Use /glossary sem termo para ver a lista completa.',
  'glossary.many': '{count} termos combinam com “{query}”:',
  'glossary.refine': 'Digite o nome completo para ver a definição.',
  'glossary.aliases': 'Também chamado de',
  'glossary.related': 'Relacionados',
  'glossary.source': 'Fonte',
  'glossary.lessons': 'Aulas',
  'glossary.listTitle': 'Glossário — página {page} de {pages} ({total} termos)',
  'glossary.listHint': 'Use /glossary <termo> para ver uma definição.',
  'glossary.prev': '◀ Anterior',
  'glossary.next': 'Próxima ▶',
  'agenda.title': 'Aula {number} — {title}',
  'agenda.when': '🗓️ {date} ({relative})',
  'agenda.inProgress': '🔴 Em andamento: começou {relative}.',
  'agenda.past': 'Esta aula já aconteceu.',
  'agenda.objectives': 'Objetivos',
  'agenda.topics': 'Tópicos',
  'agenda.preReading': 'Leitura prévia',
  'agenda.prompts': 'Reflexões pré-aula',
  'agenda.ended':
    'O curso terminou: a última aula ({number} — {title}) foi {date}. Use /agenda <número> para rever uma aula.',
  'agenda.notFound': 'Não encontrei a aula “{query}”. Aulas: {list}.',
  'agenda.many':
    'Mais de uma aula combina com “{query}”: {list}. Use o número, por exemplo /agenda {example}.',
  'agenda.noLessons': 'O curso ainda não tem aulas.',
  'agenda.footer': 'Horários em {timezone}. Outra aula: /agenda <número ou parte do título>.',
  'help.title': 'Turma — o que eu sei fazer',
  'help.intro': 'Sou o bot do grupo de estudos. Comandos disponíveis:',
  'help.admin': '(admin)',
  'help.footer': 'Dica: os argumentos podem ser escritos como no Slack, por exemplo /glossary data drift.',
  'shell.only': 'só você',
  'shell.welcome':
    'Turma (shell). Você é {user} em #{channel}. Digite /help, ou !help para os comandos do shell.',
  'shell.help':
    'Comandos do shell: /comando args… · !click N|A · !as NOME · !admin on|off · !channel NOME · !clock ISO|+90m · !help · !quit',
  'shell.as': 'Agora você é {user}.',
  'shell.adminOn': '{user} agora administra a comunidade.',
  'shell.adminOff': '{user} não administra mais a comunidade.',
  'shell.channel': 'Canal atual: #{channel}.',
  'shell.noButtons': 'Não há botões para clicar.',
  'shell.noSuchButton': 'Não há botão “{which}” na última mensagem com botões.',
  'shell.unknownBang': 'Comando de shell desconhecido: {line}. Digite !help.',
  'shell.clockUnavailable': 'O relógio simulado chega com o agendador.',
  'shell.badName': 'Use um nome de 1 a 32 letras, números, ponto, hífen ou sublinhado.',
} as const;

export type MessageKey = keyof typeof ptBR;

const en: Record<MessageKey, string> = {
  'error.generic': 'Something went wrong on my side. I logged it; please try again in a moment.',
  'error.adminOnly': 'Only community admins can use this command.',
  'error.unknownCommand': 'I do not know /{name}. Use /help to see what I can do.',
  'error.tooLong': 'Text too long: the limit is {max} characters.',
  'error.badOption': 'Invalid value for {option}: {reason}',
  'error.missingOption': '{option} is missing. Usage: {usage}',
  'error.unknownOption': 'Unknown option: {option}. Usage: {usage}',
  'error.notInteger': 'must be a whole number',
  'error.range': 'must be between {min} and {max}',
  'error.notUser': 'mention a member, for example @ana',
  'error.choices': 'use one of: {choices}',
  'error.staleButton': 'This button is no longer valid. Run the command again to continue.',
  'glossary.empty': 'Type a term with letters or digits, for example: /glossary drift',
  'glossary.notFound': 'I did not find “{query}” in the glossary.',
  'glossary.didYouMean': 'Did you mean: {suggestions}?',
  'glossary.tryThese': 'Try, for example: {suggestions}.',
  'glossary.seeList': 'Use /glossary with no term to see the full list.',
  'glossary.many': '{count} terms match “{query}”:',
  'glossary.refine': 'Type the full name to see its definition.',
  'glossary.aliases': 'Also called',
  'glossary.related': 'Related',
  'glossary.source': 'Source',
  'glossary.lessons': 'Lessons',
  'glossary.listTitle': 'Glossary — page {page} of {pages} ({total} terms)',
  'glossary.listHint': 'Use /glossary <term> to see a definition.',
  'glossary.prev': '◀ Previous',
  'glossary.next': 'Next ▶',
  'agenda.title': 'Lesson {number} — {title}',
  'agenda.when': '🗓️ {date} ({relative})',
  'agenda.inProgress': '🔴 In progress: started {relative}.',
  'agenda.past': 'This lesson has already taken place.',
  'agenda.objectives': 'Objectives',
  'agenda.topics': 'Topics',
  'agenda.preReading': 'Pre-reading',
  'agenda.prompts': 'Pre-class reflection',
  'agenda.ended':
    'The course has ended: the last lesson ({number} — {title}) was {date}. Use /agenda <number> to review one.',
  'agenda.notFound': 'I could not find lesson “{query}”. Lessons: {list}.',
  'agenda.many': 'Several lessons match “{query}”: {list}. Use the number, for example /agenda {example}.',
  'agenda.noLessons': 'The course has no lessons yet.',
  'agenda.footer': 'Times in {timezone}. Another lesson: /agenda <number or part of the title>.',
  'help.title': 'Turma — what I can do',
  'help.intro': 'I am the study group bot. Commands:',
  'help.admin': '(admin)',
  'help.footer': 'Tip: arguments are typed as in Slack, for example /glossary data drift.',
  'shell.only': 'only you',
  'shell.welcome': 'Turma (shell). You are {user} in #{channel}. Type /help, or !help for shell commands.',
  'shell.help':
    'Shell commands: /command args… · !click N|A · !as NAME · !admin on|off · !channel NAME · !clock ISO|+90m · !help · !quit',
  'shell.as': 'You are now {user}.',
  'shell.adminOn': '{user} is now a community admin.',
  'shell.adminOff': '{user} is no longer a community admin.',
  'shell.channel': 'Current channel: #{channel}.',
  'shell.noButtons': 'There are no buttons to click.',
  'shell.noSuchButton': 'There is no button “{which}” on the latest message with buttons.',
  'shell.unknownBang': 'Unknown shell command: {line}. Type !help.',
  'shell.clockUnavailable': 'The simulated clock arrives with the scheduler.',
  'shell.badName': 'Use a name of 1 to 32 letters, digits, dot, hyphen or underscore.',
};

const catalogs: Record<Locale, Record<MessageKey, string>> = { 'pt-BR': ptBR, en };

/** Translates a key, filling {placeholders}. */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale];
  return (key, params) => {
    const template = catalog[key];
    return params ? template.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : template;
  };
}

/** A text given in every locale (command descriptions, option descriptions). */
export type Localized = Record<Locale, string>;
