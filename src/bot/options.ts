// Parses command arguments against an option spec: one text string (Slack, shell) or typed values (Discord).
import { userText } from '../core/message.ts';
import { UserError } from '../core/errors.ts';
import type { Translate } from '../core/i18n.ts';
import { cleanInput } from '../core/text.ts';
import type { Command, OptionSpec } from './command.ts';
import type { ArgValues } from '../core/events.ts';

const DEFAULT_MAX_LENGTH = 200;

/** `/quiz [mode] [lesson] [count]` with required options in angle brackets. */
export function usage(command: Command): string {
  const parts = Object.entries(command.options).map(([name, spec]) => {
    const shown = spec.type === 'string' && spec.choices ? spec.choices.join('|') : name;
    return spec.required ? `<${shown}>` : `[${shown}]`;
  });
  return [`/${command.name}`, ...parts].join(' ');
}

/** Splits Slack-style text into option values: positional in declared order, or `name:value`. */
export function parseTextArgs(command: Command, rawText: string, t: Translate): ArgValues {
  const text = cleanInput(rawText);
  const specs = Object.entries(command.options);
  const raw: Record<string, string> = {};
  const tokens = mergeLessonWords(text ? text.split(' ') : []);
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    const named = /^([a-z][\w-]*):(.*)$/i.exec(token);
    const namedSpec = named
      ? specs.find(([name]) => name.toLowerCase() === named[1]!.toLowerCase())
      : undefined;
    if (named && namedSpec) {
      const [name, spec] = namedSpec;
      raw[name] =
        spec.type === 'string' && spec.rest ? [named[2], ...tokens.slice(i + 1)].join(' ') : named[2]!;
      i = spec.type === 'string' && spec.rest ? tokens.length : i + 1;
      continue;
    }
    const slot = specs.find(
      ([name, spec]) =>
        raw[name] === undefined &&
        !(spec.type === 'string' && spec.choices && !spec.required && !matchChoice(spec.choices, token)),
    );
    if (!slot)
      throw new UserError(
        'usage',
        t('error.unknownOption', { option: userText(token.slice(0, 40)), usage: usage(command) }),
      );
    const [name, spec] = slot;
    if (spec.type === 'string' && spec.rest) {
      raw[name] = tokens.slice(i).join(' ');
      break;
    }
    raw[name] = token;
    i++;
  }
  return coerceValues(command, raw, t);
}

/** "aula 2" / "lesson 2" is one value (a lesson), not a lesson "aula" and a count of 2. */
function mergeLessonWords(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const next = tokens[i + 1];
    if (/^(aula|lesson|li[cç][aã]o)$/i.test(tokens[i]!) && next && /^#?\d+$/.test(next)) {
      out.push(`${tokens[i]} ${next}`);
      i++;
    } else out.push(tokens[i]!);
  }
  return out;
}

const matchChoice = (choices: readonly string[], value: string) =>
  choices.find((c) => c.toLowerCase() === value.toLowerCase());

/** Checks and converts values (also the typed ones Discord sends): lengths, ranges, choices, required. */
export function coerceValues(
  command: Command,
  values: Record<string, string | number | undefined>,
  t: Translate,
): ArgValues {
  const out: ArgValues = {};
  for (const [name, spec] of Object.entries(command.options)) {
    const value = values[name];
    const text = typeof value === 'string' ? cleanInput(value) : value;
    if (text === undefined || text === '') {
      if (spec.required)
        throw new UserError('usage', t('error.missingOption', { option: name, usage: usage(command) }));
      continue;
    }
    out[name] = coerceOne(command, name, spec, text, t);
  }
  return out;
}

function coerceOne(
  command: Command,
  name: string,
  spec: OptionSpec,
  value: string | number,
  t: Translate,
): string | number {
  const bad = (reason: string) =>
    new UserError('usage', t('error.badOption', { option: name, reason, usage: usage(command) }));
  switch (spec.type) {
    case 'integer': {
      const n = typeof value === 'number' ? value : /^[-+]?\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
      if (!Number.isInteger(n)) throw bad(t('error.notInteger'));
      const min = spec.min ?? Number.MIN_SAFE_INTEGER;
      const max = spec.max ?? Number.MAX_SAFE_INTEGER;
      if (n < min || n > max) throw bad(t('error.range', { min, max }));
      return n;
    }
    case 'user': {
      const s = String(value);
      // Slack <@U123|ana>, Discord <@123> or <@!123>, shell @ana or ana.
      const mention = /^<@!?([\w.-]+)(?:\|[^>]*)?>$/.exec(s);
      const id = mention ? mention[1]! : s.replace(/^@/, '');
      if (!/^[\w.-]{1,64}$/.test(id)) throw bad(t('error.notUser'));
      return id;
    }
    case 'string': {
      const s = String(value);
      const max = spec.maxLength ?? DEFAULT_MAX_LENGTH;
      if (Array.from(s).length > max) throw new UserError('too-long', t('error.tooLong', { max }));
      if (spec.choices) {
        const choice = matchChoice(spec.choices, s);
        if (!choice) throw bad(t('error.choices', { choices: spec.choices.join(', ') }));
        return choice;
      }
      return s;
    }
  }
}
