// The platform-neutral command shape: one definition feeds Discord registration, the Slack manifest, the shell and /help.

import type { Lesson } from '../content/schemas.ts';
import type { ContentStore } from '../content/store.ts';
import type { ScheduledLesson } from '../core/calendar.ts';
import type { Locale, Localized, Translate } from '../core/i18n.ts';
import type { Reply } from '../core/message.ts';
import type { Clock } from '../core/time.ts';
import type { Repositories } from '../db/repositories.ts';
import type { QuizEngine, Who } from '../quiz/engine.ts';
import type { Scheduler } from '../scheduler/scheduler.ts';
import type { EventSync } from '../calendar/event-sync.ts';
import type { Actor, Place } from '../core/events.ts';

interface OptionBase {
  description: Localized;
  required?: boolean;
}

/** A command option. Slack and the shell type them as `value` (positional) or `name:value`. */
export type OptionSpec =
  | (OptionBase & {
      type: 'string';
      /** Allowed values; on Discord they become choices. */
      choices?: readonly string[];
      autocomplete?: boolean;
      maxLength?: number;
      /** Takes the rest of the text, spaces included (the last positional option only). */
      rest?: boolean;
    })
  | (OptionBase & { type: 'integer'; min?: number; max?: number })
  | (OptionBase & { type: 'user' });

export type OptionSpecs = Record<string, OptionSpec>;

/** An option's value: a number, one of its choices when it has them, else a string. */
type ValueOf<S extends OptionSpec> = S extends { type: 'integer' }
  ? number
  : S extends { choices: readonly (infer C extends string)[] }
    ? C
    : string;
/** Typed argument values from an option spec. */
export type ArgsOf<O extends OptionSpecs> = {
  [K in keyof O]: O[K] extends { required: true } ? ValueOf<O[K]> : ValueOf<O[K]> | undefined;
};

/** Everything a command sees: who, where, parsed arguments, time, content, repositories and words. */
export interface CommandContext<O extends OptionSpecs = OptionSpecs> {
  args: ArgsOf<O>;
  actor: Actor;
  place: Place;
  locale: Locale;
  /** IANA timezone in which this community reads times. */
  timezone: string;
  /** This community's class calendar. */
  schedule: ScheduledLesson<Lesson>[];
  t: Translate;
  now: Date;
  clock: Clock;
  content: ContentStore;
  repos: Repositories;
  /** Practice, daily questions, live rounds, boards. */
  quiz: QuizEngine;
  /** Automated posts; replan(communityId) after a settings change re-plans them. */
  scheduler: Scheduler;
  /** Platform scheduled events per lesson: sync() after a settings change re-plans them. */
  events: Pick<EventSync, 'sync' | 'supports' | 'eventUrl'>;
  /** The commands known to the bot (for /help). */
  commands: readonly Command[];
  /** PUBLIC_URL, the base of links the bot prints (the calendar feed); undefined when not set. */
  publicUrl?: string;
  /** The community and member rows of the actor, created on first contact; resolved once per request. */
  who(): Who;
}

/** Context of a button click: which of the command's prefixes, and the payload after it. */
export type ActionContext = Omit<CommandContext, 'args'> & { prefix: string; payload: string };

export interface AutocompleteChoice {
  name: string;
  value: string;
}

export interface Command<O extends OptionSpecs = OptionSpecs> {
  name: string;
  description: Localized;
  options: O;
  adminOnly?: boolean;
  run(ctx: CommandContext<O>): Reply | Promise<Reply>;
  /** Button ids starting with `<prefix>:` for one of these prefixes are routed to this command's `action`. */
  actionPrefixes?: readonly string[];
  action?(ctx: ActionContext): Reply | Promise<Reply>;
  autocomplete?(ctx: Omit<CommandContext, 'args'>, option: string, partial: string): AutocompleteChoice[];
}

/** Declares a command with its argument types inferred from its options. */
export const defineCommand = <const O extends OptionSpecs>(command: Command<O>): Command<O> => command;
