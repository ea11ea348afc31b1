// The shell adapter: a console session that speaks the fixed protocol of PRODUCT.md ("The shell protocol").
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Bot } from '../../bot/bot.ts';
import type { Actor, InboundEvent, Place } from '../../core/events.ts';
import { type Locale, translator } from '../../core/i18n.ts';
import type { Button, OutMessage } from '../../core/message.ts';
import { normalize } from '../../core/text.ts';
import { formatDateTime } from '../../core/format-time.ts';
import { parseClockTarget } from '../../core/time.ts';
import type { Timers } from '../../timers.ts';
import type { PlatformAdapter, PostedRef, PostTarget } from '../adapter.ts';
import { ansiStyle, plainStyle, renderShellMessage, type ShellStyle } from './render.ts';

export const SHELL_COMMUNITY = 'local';
const NAME = /^[\p{L}\p{N}._-]{1,32}$/u;

export interface ShellOptions {
  bot: Bot;
  input: Readable;
  output: Writable;
  locale: Locale;
  /** Terminal mode: prompt, history and colours. Piped mode: none of these. */
  interactive: boolean;
  /** The bot's timers and their clock, which `!clock` moves. */
  timers: Timers;
  /**
   * Moves the clock back to `target` when the database allows it (no post planned after it); the refusal to show
   * otherwise. Without it, `!clock` only goes forward.
   */
  rewind?: (target: Date) => Promise<string | undefined>;
  /** Lines shown first (e.g. how to replay a course whose calendar has ended). */
  notice?: string;
  timezone: string;
  user?: string;
  channel?: string;
}

export class ShellAdapter implements PlatformAdapter {
  readonly platform = 'shell' as const;
  private user: string;
  private channel: string;
  private thread: string | undefined;
  private readonly admins = new Set<string>();
  private lastButtons: Button[] = [];
  private nextMessageId = 1;
  private readonly style: ShellStyle;
  private readonly t;
  private closed: Promise<void> | undefined;
  private queue: Promise<void> = Promise.resolve();
  private rl: ReturnType<typeof createInterface> | undefined;
  private quitting = false;

  constructor(private readonly opts: ShellOptions) {
    this.user = opts.user ?? 'aluno';
    this.channel = opts.channel ?? 'general';
    this.style = opts.interactive ? ansiStyle : plainStyle;
    this.t = translator(opts.locale);
  }

  /** Starts reading lines; `finished` resolves once input ends and every line has been handled. */
  async start(): Promise<void> {
    const rl = createInterface({
      input: this.opts.input,
      output: this.opts.interactive ? this.opts.output : undefined,
      terminal: this.opts.interactive,
      historySize: 200,
    });
    this.rl = rl;
    if (this.opts.notice) this.say(this.opts.notice);
    if (this.opts.interactive) {
      this.say(this.t('shell.welcome', { user: this.user, channel: this.channel }));
      rl.setPrompt('> ');
      rl.prompt();
    }
    // Lines are handled strictly in order, each after the previous one's work is done.
    rl.on('line', (line) => {
      this.queue = this.queue
        .then(() => this.handleLine(line))
        .then(() => {
          if (this.opts.interactive) rl.prompt();
        });
    });
    this.closed = new Promise((resolve) => {
      rl.once('close', () => {
        this.queue.then(resolve, resolve);
      });
    });
  }

  /** Resolves when the input has ended and all pending work is done. */
  get finished(): Promise<void> {
    return this.closed ?? Promise.resolve();
  }

  async stop(): Promise<void> {
    await this.queue;
  }

  isConnected(): boolean {
    return !this.quitting;
  }

  async post(target: PostTarget, message: OutMessage): Promise<PostedRef> {
    const messageId = String(this.nextMessageId++);
    const header = target.threadId ? `[thread: ${target.threadId}]` : `[#${target.channelId}]`;
    this.print(header, message);
    let threadId: string | undefined;
    if (message.startThread) {
      threadId = message.startThread.name;
      this.opts.output.write(`${this.style.dim(`(thread started: ${threadId})`)}\n`);
    }
    return { channelId: target.channelId, messageId, threadId };
  }

  /** Handles one input line of the protocol. Exposed for in-process tests. */
  async handleLine(rawLine: string): Promise<void> {
    const line = rawLine.trim();
    if (!line || this.quitting) return;
    if (line.startsWith('!')) return this.handleBang(line);
    if (line.startsWith('/')) {
      const space = line.indexOf(' ');
      const name = (space < 0 ? line.slice(1) : line.slice(1, space)).toLowerCase();
      const text = space < 0 ? '' : line.slice(space + 1);
      return this.dispatch({
        kind: 'command',
        name,
        args: { text },
        actor: this.actor(),
        place: this.place(),
      });
    }
    return this.dispatch({ kind: 'message', text: line, actor: this.actor(), place: this.place() });
  }

  private async handleBang(line: string): Promise<void> {
    const [word = '', ...rest] = line.slice(1).split(/\s+/);
    const arg = rest.join(' ');
    switch (word.toLowerCase()) {
      case 'click':
        return this.click(arg);
      case 'as':
        if (!NAME.test(arg)) return this.say(this.t('shell.badName'));
        this.user = arg;
        return this.say(this.t('shell.as', { user: arg }));
      case 'admin':
        if (arg === 'on') this.admins.add(this.user);
        else if (arg === 'off') this.admins.delete(this.user);
        else return this.say(this.t('shell.help'));
        return this.say(this.t(arg === 'on' ? 'shell.adminOn' : 'shell.adminOff', { user: this.user }));
      case 'channel': {
        const name = arg.replace(/^#/, '');
        if (!NAME.test(name)) return this.say(this.t('shell.badName'));
        this.channel = name;
        this.thread = undefined;
        return this.say(this.t('shell.channel', { channel: name }));
      }
      case 'clock':
        return this.moveClock(arg);
      case 'help':
        return this.say(this.t('shell.help'));
      case 'quit':
      case 'exit':
        this.quitting = true;
        this.rl?.close();
        return;
      default:
        return this.say(this.t('shell.unknownBang', { line: line.slice(0, 40) }));
    }
  }

  /**
   * `!clock +90m` or `!clock 2026-11-24T19:00`: moves the simulated clock forward, running whatever falls due; back
   * too, where the database has no post planned after the target.
   */
  private async moveClock(arg: string): Promise<void> {
    const { timers } = this.opts;
    const now = timers.clock.now();
    const target = parseClockTarget(arg, now, this.opts.timezone);
    if (!target || (target < now && !this.opts.rewind)) return this.say(this.t('shell.clockBad'));
    const time = formatDateTime(target, this.opts.timezone, this.opts.locale);
    if (target < now) {
      const refused = await this.opts.rewind!(target);
      return this.say(refused ?? this.t('shell.clockBack', { time }));
    }
    this.say(this.t('shell.clock', { time }));
    await timers.advanceTo(target);
  }

  private async click(which: string): Promise<void> {
    if (this.lastButtons.length === 0) return this.say(this.t('shell.noButtons'));
    const byNumber = /^\d+$/.test(which) ? this.lastButtons[Number(which) - 1] : undefined;
    const wanted = normalize(which);
    // By letter ("A" for "A) …" or "A"), or by the label's words ("anterior" for "◀ Anterior").
    const button =
      byNumber ??
      this.lastButtons.find(
        (b) => normalize(b.label) === wanted || b.label.toLowerCase().startsWith(`${wanted})`),
      );
    if (!button) return this.say(this.t('shell.noSuchButton', { which: which.slice(0, 20) }));
    return this.dispatch({ kind: 'action', buttonId: button.id, actor: this.actor(), place: this.place() });
  }

  private async dispatch(event: InboundEvent): Promise<void> {
    const replies = await this.opts.bot.handle(event);
    for (const message of replies) {
      const header = message.ephemeral
        ? `[${this.t('shell.only')}]`
        : this.thread
          ? `[thread: ${this.thread}]`
          : `[#${this.channel}]`;
      this.print(header, message);
    }
  }

  private print(header: string, message: OutMessage) {
    if (message.buttons?.length) this.lastButtons = message.buttons;
    this.opts.output.write(renderShellMessage(header, message, this.style));
  }

  private say(text: string) {
    this.opts.output.write(`${this.style.dim(`* ${text}`)}\n`);
  }

  private actor(): Actor {
    return { id: this.user, name: this.user, isAdmin: this.admins.has(this.user) };
  }

  private place(): Place {
    return {
      platform: 'shell',
      communityId: SHELL_COMMUNITY,
      channelId: this.channel,
      threadId: this.thread,
    };
  }
}
