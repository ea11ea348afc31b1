// A command's run() with a fake context: the real content store, translator and calendar, and small fakes for the
// repositories, the quiz engine and the scheduler that record their calls and return canned rows. No app, no
// database, no platform: every test runs in milliseconds. The casts live here, never in the tests.
import path from 'node:path';
import type {
  ActionContext,
  ArgsOf,
  AutocompleteChoice,
  Command,
  CommandContext,
  OptionSpecs,
} from '../../src/bot/command.ts';
import type { Lesson } from '../../src/content/schemas.ts';
import { type ContentStore, loadContentStore } from '../../src/content/store.ts';
import type { ScheduledLesson } from '../../src/core/calendar.ts';
import { UserError } from '../../src/core/errors.ts';
import type { Actor, Place } from '../../src/core/events.ts';
import { type Locale, translator } from '../../src/core/i18n.ts';
import { type OutMessage, type Reply, toMessages } from '../../src/core/message.ts';
import type { Repositories } from '../../src/db/repositories.ts';
import type { CommunityRow, MemberRow } from '../../src/db/schema.ts';
import type { QuizEngine, Who } from '../../src/quiz/engine.ts';
import type { Scheduler } from '../../src/scheduler/scheduler.ts';

const CONTENT_DIR = path.resolve(import.meta.dirname, '../../content');
let store: ContentStore | undefined;
/** The real course (lessons, calendar, glossary, questions), loaded once per test file. */
export const content = (): ContentStore => (store ??= loadContentStore(CONTENT_DIR));

/** Monday 23 November 2026, 09:00 in São Paulo: lesson 3 is tomorrow at 19:00, lessons 1 and 2 are taught. */
export const NOW = new Date('2026-11-23T12:00:00Z');
export const TIMEZONE = 'America/Sao_Paulo';
/** The database id of the community every fake request comes from. */
export const COMMUNITY_ID = 1;

/** Members of the fake community; the default actor is Ana. */
export const ANA = { id: 7, externalId: 'u-ana', displayName: 'Ana' };
export const BRUNO = { id: 8, externalId: 'u-bruno', displayName: 'Bruno' };

/** The place of every fake request unless a test says otherwise: a Discord channel. */
export const PLACE: Place = { platform: 'discord', communityId: 'guild-1', channelId: 'chan-1' };

/** A community row with the schema's defaults: nothing configured yet. */
export const COMMUNITY: CommunityRow = {
  id: COMMUNITY_ID,
  platform: 'discord',
  externalId: 'guild-1',
  name: null,
  timezone: null,
  locale: null,
  announceChannelId: null,
  digestChannelId: null,
  quizTime: '09:00',
  quizDays: [1, 2, 3, 4, 5],
  agendaLeadMinutes: 1440,
  reminderLeadsMinutes: [60],
  paused: false,
  firstClass: null,
  activeSince: null,
  eventsEnabled: false,
  createdAt: new Date('2026-11-01T12:00:00Z'),
};

/** One recorded call to a fake: `repos.communities.update`, `quiz.live.start`, `scheduler.replan`, `who`. */
export interface Call {
  name: string;
  args: unknown[];
}

type QuizFakes = Partial<Pick<QuizEngine, 'identify' | 'practice' | 'next' | 'answer'>> & {
  live?: Partial<Pick<QuizEngine['live'], 'start' | 'stop'>>;
  daily?: Partial<Pick<QuizEngine['daily'], 'openAsReply'>>;
};

/** What a test may set; everything else has a default (see the constants above). */
export interface FakeOptions {
  /** Merged over Ana, not an admin. */
  actor?: Partial<Actor>;
  /** Merged over PLACE. */
  place?: Partial<Place>;
  /** Default: the actor's locale, else the community's, else en. */
  locale?: Locale;
  now?: Date;
  /** Default: the real calendar of the community (the course's, or its own first class's). */
  schedule?: ScheduledLesson<Lesson>[];
  /** Merged over COMMUNITY; `update` changes it, so later reads see the change. */
  community?: Partial<CommunityRow>;
  /** The members findMember knows (by id or display name). Default: Ana and Bruno. */
  members?: readonly Pick<MemberRow, 'id' | 'externalId' | 'displayName'>[];
  /** Canned answers of repository methods, replacing the defaults. */
  repos?: { [K in keyof Repositories]?: Partial<Repositories[K]> };
  quiz?: QuizFakes;
  scheduler?: Partial<Pick<Scheduler, 'tick' | 'replan'>>;
  /** The commands the bot knows (what /help lists). Default: none. */
  commands?: readonly Command[];
  /** PUBLIC_URL as the bot has it. Default: not set. */
  publicUrl?: string;
  /** The event sync's answers (Discord scheduled events). Default: supported nowhere, nothing to sync. */
  events?: Partial<CommandContext['events']>;
}

/** Argument values as a test writes them: options that may be absent may be left out. */
export type ArgsInput<O extends OptionSpecs> = {
  [K in keyof ArgsOf<O> as undefined extends ArgsOf<O>[K] ? never : K]: ArgsOf<O>[K];
} & {
  [K in keyof ArgsOf<O> as undefined extends ArgsOf<O>[K] ? K : never]?: ArgsOf<O>[K];
};

/** `args` may be omitted only when the command has no required option. */
type OptionsArg<O extends OptionSpecs> =
  Partial<ArgsInput<O>> extends ArgsInput<O>
    ? [options?: FakeOptions & { args?: ArgsInput<O> }]
    : [options: FakeOptions & { args: ArgsInput<O> }];

export interface Fake<O extends OptionSpecs> {
  ctx: CommandContext<O>;
  /** Runs the command; its reply as a list of neutral messages. */
  run(): Promise<OutMessage[]>;
  /** Runs the command expecting an expected failure, and returns it (fails the test on a reply or a bug). */
  refusal(): Promise<UserError>;
  /** A click on a button id routed to this command (`gl:p:2` → prefix `gl`, payload `p:2`). */
  click(buttonId: string): Promise<OutMessage[]>;
  clickRefusal(buttonId: string): Promise<UserError>;
  autocomplete(option: string, partial: string): AutocompleteChoice[];
  /** Every call to a fake, in order. */
  calls: Call[];
  /** The arguments of each call to one fake. */
  callsTo(name: string): unknown[][];
  /** The calls among `names`, in the order they happened (e.g. the update before the tick). */
  sequence(...names: string[]): string[];
  /** The community row as the fake repository holds it now. */
  community(): CommunityRow;
}

type AnyFunction = (...args: unknown[]) => unknown;

/** The object with each method wrapped to record its calls; a method nobody stubbed fails loudly by name. */
function recording<T extends object>(prefix: string, impl: T, calls: Call[]): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(impl)) {
    out[key] =
      typeof value === 'function'
        ? (...args: unknown[]) => {
            calls.push({ name: `${prefix}.${key}`, args });
            return (value as AnyFunction)(...args);
          }
        : value;
  }
  return new Proxy(out, {
    get(target, key) {
      if (typeof key !== 'string' || key in target) return Reflect.get(target, key) as unknown;
      return () => {
        throw new Error(`the fake ${prefix}.${key} is not stubbed: give it in fakeContext({ … })`);
      };
    },
  }) as T;
}

/** A fake context for one command, with the arguments given as the bot would have parsed them. */
export function fakeContext<O extends OptionSpecs>(command: Command<O>, ...[given]: OptionsArg<O>): Fake<O> {
  const options = (given ?? {}) as FakeOptions & { args?: Partial<ArgsOf<O>> };
  const calls: Call[] = [];
  const now = options.now ?? NOW;
  const clock = { now: () => now };
  const actor: Actor = { id: ANA.externalId, name: ANA.displayName, isAdmin: false, ...options.actor };
  const place: Place = { ...PLACE, ...options.place };
  let row: CommunityRow = { ...COMMUNITY, ...options.community };
  const members: MemberRow[] = (options.members ?? [ANA, BRUNO]).map((m) => ({
    ...m,
    communityId: row.id,
    locale: null,
    createdAt: COMMUNITY.createdAt,
  }));
  const me: Who = {
    communityId: row.id,
    memberId: members.find((m) => m.externalId === actor.id)?.id ?? ANA.id,
  };
  const locale = options.locale ?? actor.locale ?? row.locale ?? 'en';
  const { repos: cannedRepos = {} } = options;

  const defaults = {
    communities: {
      byId: (id: number) => (id === row.id ? row : undefined),
      find: (platform: string, externalId: string) =>
        platform === row.platform && externalId === row.externalId ? row : undefined,
      update: (id: number, changes: Partial<CommunityRow>) => {
        if (id !== row.id) throw new Error(`no community ${id}`);
        return (row = { ...row, ...changes });
      },
      findMember: (communityId: number, idOrName: string) =>
        communityId === row.id
          ? members.find(
              (m) => m.externalId === idOrName || m.displayName.toLowerCase() === idOrName.toLowerCase(),
            )
          : undefined,
    },
    runs: { latestFailure: () => undefined },
    reflections: {
      save: (input: { communityId: number; memberId: number; lesson: number; text: string; now: Date }) => ({
        row: { id: 1, ...input, createdAt: input.now, updatedAt: input.now },
        created: true,
      }),
      forLesson: () => [],
      countByMember: () => 0,
    },
    scores: {
      award: () => true,
      voidMember: () => ({ points: 0, count: 0 }),
      top: () => [],
      accuracy: () => new Map(),
      standing: () => ({ points: 0 }),
      answersOf: () => [],
    },
    quiz: { dailyHistory: () => [] },
    practice: { countDue: () => 0 },
    live: {},
    reports: {},
    calendarFeeds: { ensure: () => 'T'.repeat(43), rotate: () => 'R'.repeat(43) },
  };
  const repos = Object.fromEntries(
    Object.entries(defaults).map(([group, methods]) => [
      group,
      recording(
        `repos.${group}`,
        { ...methods, ...(cannedRepos as Record<string, object | undefined>)[group] },
        calls,
      ),
    ]),
  ) as unknown as Repositories;

  const quizFakes = options.quiz ?? {};
  const quiz = recording(
    'quiz',
    {
      identify: () => me,
      practice: () => ({ text: 'practice card (fake)', ephemeral: true }),
      next: () => ({ text: 'next card (fake)', ephemeral: true }),
      answer: () => ({ text: 'feedback (fake)', ephemeral: true }),
      ...quizFakes,
    },
    calls,
  );
  let questions: Map<string, unknown> | undefined;
  Object.defineProperties(quiz, {
    live: {
      value: recording(
        'quiz.live',
        {
          start: () => [{ text: 'live round intro (fake)' }, { text: 'first question (fake)' }],
          stop: () => ({ text: 'podium (fake)' }),
          ...quizFakes.live,
        },
        calls,
      ),
    },
    daily: {
      value: recording(
        'quiz.daily',
        { openAsReply: () => ({ text: 'daily (fake)' }), ...quizFakes.daily },
        calls,
      ),
    },
    // What the boards read of the engine: its repositories, clock and question bank.
    deps: {
      value: {
        repos,
        clock,
        get content() {
          return content();
        },
      },
    },
    questions: { get: () => (questions ??= new Map(content().questions.map((q) => [q.id, q]))) },
  });
  const engine = quiz as unknown as QuizEngine;
  const scheduler = recording(
    'scheduler',
    { tick: () => Promise.resolve(), replan: () => Promise.resolve(), ...options.scheduler },
    calls,
  ) as unknown as Scheduler;

  const events = recording(
    'events',
    {
      sync: () => Promise.resolve({ created: 0, updated: 0, removed: 0 }),
      supports: () => false,
      eventUrl: () => undefined,
      ...options.events,
    },
    calls,
  ) as CommandContext['events'];

  // The bot resolves these once per request; content is read only when a command asks (/help never loads it).
  const firstClass = row.firstClass;
  const who = () => {
    calls.push({ name: 'who', args: [] });
    return me;
  };
  const contextOf = (): Omit<CommandContext, 'args'> => ({
    actor,
    place,
    locale,
    timezone: row.timezone ?? TIMEZONE,
    get schedule() {
      return options.schedule ?? content().scheduleFor(firstClass);
    },
    t: translator(locale),
    now,
    clock,
    get content() {
      return content();
    },
    repos,
    quiz: engine,
    scheduler,
    events,
    commands: options.commands ?? [],
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    who,
  });
  const ctx = Object.defineProperty(contextOf(), 'args', {
    value: { ...options.args },
    enumerable: true,
  }) as CommandContext<O>;

  const refused = async (attempt: () => Reply | Promise<Reply>, what: string): Promise<UserError> => {
    try {
      await attempt();
    } catch (error) {
      if (error instanceof UserError) return error;
      throw error;
    }
    throw new Error(`${what} answered instead of refusing`);
  };
  const actionContext = (buttonId: string): ActionContext => {
    const cut = buttonId.indexOf(':');
    const prefix = buttonId.slice(0, cut);
    if (!command.action || !command.actionPrefixes?.includes(prefix))
      throw new Error(`/${command.name} does not take "${buttonId}"`);
    return Object.assign(contextOf(), { prefix, payload: buttonId.slice(cut + 1) });
  };

  return {
    ctx,
    run: async () => toMessages(await command.run(ctx)),
    refusal: () => refused(() => command.run(ctx), `/${command.name}`),
    click: async (buttonId) => toMessages(await command.action!(actionContext(buttonId))),
    clickRefusal: (buttonId) => refused(() => command.action!(actionContext(buttonId)), buttonId),
    autocomplete: (option, partial) => {
      if (!command.autocomplete) throw new Error(`/${command.name} has no autocomplete`);
      return command.autocomplete(contextOf(), option, partial);
    },
    calls,
    callsTo: (name) => calls.filter((call) => call.name === name).map((call) => call.args),
    sequence: (...names) => calls.map((call) => call.name).filter((name) => names.includes(name)),
    community: () => row,
  };
}
