// A local fake of Discord for end-to-end tests and benchmarks: the REST routes Turma uses (gateway discovery,
// interaction callbacks, webhooks, channel messages, threads, command registration) and a gateway that speaks enough
// of the protocol (HELLO, IDENTIFY, READY, GUILD_CREATE, heartbeats, INTERACTION_CREATE) for the real discord.js
// client to log in and receive interactions. Sharded like Discord: /gateway/bot recommends `shards`, each IDENTIFY
// names its shard [id, count], and a guild (its GUILD_CREATE, its interactions) lives on shard (id >> 22) % count.
// Everything it is sent is recorded for assertions.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { Recorder } from '../recorder.ts';

export const APP_ID = '100000000000000001';
export const BOT_ID = '100000000000000002';
export const GUILD_ID = '200000000000000001';
export const CHANNEL_ID = '300000000000000001';
/** The n-th guild of the fake (0: GUILD_ID) and its one text channel (0: CHANNEL_ID). Guild n is on shard n % count. */
export const guildId = (n: number) => String(BigInt(GUILD_ID) + (BigInt(n) << 22n));
export const channelId = (n: number) => String(BigInt(CHANNEL_ID) + BigInt(n));
/** The shard Discord routes a guild to: (guild_id >> 22) % shard count. */
export const shardOf = (guild: string, count: number) => Number((BigInt(guild) >> 22n) % BigInt(count));
/** Manage Server (admin) and a plain member's permissions, as Discord sends them. */
export const ADMIN_PERMISSIONS = String(0x20n | 0x800n | 0x400n);
export const MEMBER_PERMISSIONS = String(0x800n | 0x400n);

export interface RecordedRequest {
  method: string;
  /** The path after /api/v10, e.g. /channels/1/messages. */
  route: string;
  body: unknown;
  at: number;
}

/** A guild scheduled event as the fake holds it. */
export interface FakeScheduledEvent {
  id: string;
  guild_id: string;
  name: string;
  description?: string;
  scheduled_start_time: string;
  scheduled_end_time?: string;
  entity_type: number;
  privacy_level: number;
  entity_metadata?: { location?: string };
  status: number;
}

export interface FakeUser {
  id: string;
  name: string;
  admin?: boolean;
  locale?: string;
}

export interface FakeDiscordOptions {
  /** What /gateway/bot recommends (default 1). */
  shards?: number;
  /** How many guilds the bot is in (default 1: GUILD_ID with CHANNEL_ID). */
  guilds?: number;
  /** session_start_limit.max_concurrency: IDENTIFYs allowed at once (default 16, so shards connect together). */
  maxConcurrency?: number;
  /** Shards whose IDENTIFY is never answered with READY (a connection that never comes up). */
  silentShards?: number[];
}

let snowflake = 900000000000000000n;
const nextId = () => String(++snowflake);

export class FakeDiscord {
  private readonly recorder = new Recorder<RecordedRequest>('fake Discord');
  /** Everything received, in order. */
  readonly requests = this.recorder.items;
  /** IDENTIFY payloads received (intents, token, and the shard [id, count] when the client sent one) */
  readonly identifies: { token: string; intents: number; shard?: [number, number] }[] = [];
  /** Interactions sent, with the shard whose connection carried them. */
  readonly dispatched: { id: string; guildId: string; shard: number }[] = [];
  /** What /gateway/bot recommends. */
  recommendedShards: number;
  private readonly maxConcurrency: number;
  private readonly silentShards: number[];
  /** Guild ids by their channel's id. */
  private readonly guildOfChannel = new Map<string, string>();
  /** What Discord says the bot may do in the channel (app_permissions); by default all the invite link asks for. */
  appPermissions = '2248482055769665';
  private readonly server: Server;
  private readonly gateway: WebSocketServer;
  /** Open gateway connections and the shard each identified as ([0, 1] until it does). */
  private readonly sockets = new Map<WebSocket, [number, number]>();
  /** Messages created by channel posts (not interaction replies), in order. */
  readonly created: { id: string; channel_id: string; embeds: unknown }[] = [];
  /** While set, channel posts are received (and recorded) but answered only when it resolves. */
  holdChannelPosts: Promise<void> | undefined;
  /** While set, channel posts are made (recorded, created) and then answered with this server error. */
  failChannelPostsWith: number | undefined;
  /** The guilds' scheduled events, by id (the bot's own, as it made and changed them). */
  readonly scheduledEvents = new Map<string, FakeScheduledEvent>();
  /** While set, scheduled events are created and then answered with this server error (the answer lost). */
  failEventCreatesWith: number | undefined;
  private readonly byNonce = new Map<string, ReturnType<FakeDiscord['messageObject']>>();
  private readonly threads = new Set<string>();
  private seq = 0;
  private port = 0;

  constructor(options: FakeDiscordOptions = {}) {
    this.recommendedShards = options.shards ?? 1;
    this.maxConcurrency = options.maxConcurrency ?? 16;
    this.silentShards = options.silentShards ?? [];
    for (let n = 0; n < (options.guilds ?? 1); n++) this.guildOfChannel.set(channelId(n), guildId(n));
    this.server = createServer((req, res) => void this.onRequest(req, res));
    this.gateway = new WebSocketServer({ server: this.server, path: '/gateway' });
    this.gateway.on('connection', (socket) => this.onSocket(socket));
  }

  async listen(): Promise<void> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** What DISCORD_API_URL is set to. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets.keys()) socket.terminate();
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  /** Resolves with the first recorded item (past or future) that matches. */
  waitFor(match: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    return this.recorder.waitFor(match, timeoutMs);
  }

  /** Requests about one interaction: its callback and the webhook calls made with its token. */
  requestsFor(interactionId: string): RecordedRequest[] {
    const token = tokenOf(interactionId);
    return this.requests.filter(
      (r) => r.route.includes(`/${interactionId}/`) || r.route.includes(`/${token}`),
    );
  }

  // ---- interactions --------------------------------------------------------------------------------------------

  /** Sends a slash command; resolves with the interaction id once dispatched. */
  command(
    user: FakeUser,
    name: string,
    options: Record<string, string | number> = {},
    channelId = CHANNEL_ID,
  ) {
    return this.dispatchInteraction(user, channelId, {
      type: 2,
      data: {
        id: nextId(),
        name,
        type: 1,
        options: Object.entries(options).map(([key, value]) => ({
          name: key,
          type: typeof value === 'number' ? 4 : 3,
          value,
        })),
      },
    });
  }

  autocomplete(user: FakeUser, name: string, option: string, partial: string) {
    return this.dispatchInteraction(user, CHANNEL_ID, {
      type: 4,
      data: {
        id: nextId(),
        name,
        type: 1,
        options: [{ name: option, type: 3, value: partial, focused: true }],
      },
    });
  }

  /** Clicks a button of a message the bot sent (as recorded: its id, channel and components). */
  click(user: FakeUser, message: { id: string; channel_id: string; ephemeral?: boolean }, customId: string) {
    return this.dispatchInteraction(user, message.channel_id, {
      type: 3,
      message: this.messageObject(message.id, message.channel_id, {}, message.ephemeral ? 64 : 0),
      data: { custom_id: customId, component_type: 2 },
    });
  }

  submitModal(user: FakeUser, customId: string, field: string, value: string) {
    return this.dispatchInteraction(user, CHANNEL_ID, {
      type: 5,
      data: {
        custom_id: customId,
        components: [{ type: 18, id: 2, component: { type: 4, id: 3, custom_id: field, value } }],
      },
    });
  }

  /**
   * A slash command sent from the user's DM with the bot (interaction context BotDM): no guild, no member, the user
   * at the top level, as Discord sends it when a command is allowed there (an old registration, a user install).
   */
  dmCommand(user: FakeUser, name: string): string {
    const id = nextId();
    const dm = nextId();
    // Discord delivers DMs on shard 0.
    const payload = {
      id,
      application_id: APP_ID,
      token: tokenOf(id),
      version: 1,
      type: 2,
      channel_id: dm,
      channel: { id: dm, type: 1, recipients: [] },
      user: { id: user.id, username: user.name, global_name: user.name, discriminator: '0', avatar: null },
      locale: user.locale ?? 'pt-BR',
      app_permissions: this.appPermissions,
      entitlements: [],
      authorizing_integration_owners: { '1': user.id },
      context: 1,
      data: { id: nextId(), name, type: 1, options: [] },
    };
    for (const [socket, [shard]] of this.sockets)
      if (shard === 0) this.sendDispatch(socket, 'INTERACTION_CREATE', payload);
    return id;
  }

  /**
   * Submits a modal of several fields, as Discord sends one: each field in its Label, a string (a text input's value)
   * or a list (a string select's chosen values). Anything else given is sent as is (hostile submissions).
   */
  submitForm(user: FakeUser, customId: string, fields: Record<string, string | string[] | unknown>) {
    return this.dispatchInteraction(user, CHANNEL_ID, {
      type: 5,
      data: {
        custom_id: customId,
        components: Object.entries(fields).map(([field, value], i) => ({
          type: 18,
          id: 2 * i + 1,
          component: Array.isArray(value)
            ? { type: 3, id: 2 * i + 2, custom_id: field, values: value }
            : { type: 4, id: 2 * i + 2, custom_id: field, value },
        })),
      },
    });
  }

  /** Sends the interaction on the connection of the channel's guild's shard, as Discord does. */
  private dispatchInteraction(user: FakeUser, channel: string, rest: Record<string, unknown>): string {
    const id = nextId();
    const guild = this.guildOf(channel);
    const sockets = [...this.sockets].filter(([, [shard, count]]) => shardOf(guild, count) === shard);
    for (const [, [shard]] of sockets) this.dispatched.push({ id, guildId: guild, shard });
    const payload = {
      id,
      application_id: APP_ID,
      token: tokenOf(id),
      version: 1,
      guild_id: guild,
      channel_id: channel,
      channel: { id: channel, type: 0, guild_id: guild, name: 'geral' },
      member: {
        user: { id: user.id, username: user.name, global_name: user.name, discriminator: '0', avatar: null },
        roles: [],
        permissions: user.admin ? ADMIN_PERMISSIONS : MEMBER_PERMISSIONS,
        joined_at: '2026-01-01T00:00:00.000Z',
        nick: null,
        deaf: false,
        mute: false,
        flags: 0,
      },
      locale: user.locale ?? 'pt-BR',
      guild_locale: 'pt-BR',
      app_permissions: this.appPermissions,
      entitlements: [],
      authorizing_integration_owners: { '0': guild },
      context: 0,
      ...rest,
    };
    for (const [socket] of sockets) this.sendDispatch(socket, 'INTERACTION_CREATE', payload);
    return id;
  }

  /** The guild a channel belongs to (an unknown channel: the first guild's, as before guilds were many). */
  private guildOf(channel: string): string {
    return this.guildOfChannel.get(channel) ?? GUILD_ID;
  }

  /** How many gateway connections have identified, by shard id. */
  get connectedShards(): number[] {
    return [...this.sockets.values()].map(([shard]) => shard).sort((a, b) => a - b);
  }

  // ---- gateway -------------------------------------------------------------------------------------------------

  private onSocket(socket: WebSocket): void {
    this.sockets.set(socket, [0, 1]);
    socket.on('close', () => this.sockets.delete(socket));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
    socket.on('message', (raw) => {
      const packet = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> };
      if (packet.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (packet.op === 2) {
        const asked = packet.d.shard as [number, number] | undefined;
        this.identifies.push({
          token: String(packet.d.token),
          intents: Number(packet.d.intents),
          ...(asked ? { shard: asked } : {}),
        });
        const [shard, count] = asked ?? [0, 1];
        if (!(count >= 1 && shard >= 0 && shard < count)) {
          socket.close(4010, 'Invalid shard');
          return;
        }
        this.sockets.set(socket, [shard, count]);
        if (this.silentShards.includes(shard)) return;
        const guilds = [...this.guildOfChannel].filter(([, g]) => shardOf(g, count) === shard);
        this.sendDispatch(socket, 'READY', {
          v: 10,
          user: {
            id: BOT_ID,
            username: 'Turma',
            discriminator: '0',
            avatar: null,
            bot: true,
            global_name: null,
          },
          guilds: guilds.map(([, id]) => ({ id, unavailable: true })),
          session_id: 'fake-session',
          resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
          shard: [shard, count],
          application: { id: APP_ID, flags: 0 },
        });
        for (const [channel, id] of guilds)
          this.sendDispatch(socket, 'GUILD_CREATE', this.guild(id, channel));
      }
    });
  }

  private guild(id: string, channel: string) {
    return {
      id,
      name: 'MLOps Turma',
      icon: null,
      owner_id: '400000000000000001',
      unavailable: false,
      member_count: 40,
      large: false,
      joined_at: '2026-01-01T00:00:00.000Z',
      features: [],
      preferred_locale: 'pt-BR',
      roles: [{ id, name: '@everyone', permissions: MEMBER_PERMISSIONS, position: 0, color: 0 }],
      channels: [{ id: channel, type: 0, name: 'geral', position: 0, guild_id: id }],
      threads: [],
      members: [],
      presences: [],
      voice_states: [],
      emojis: [],
      stickers: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  private sendDispatch(socket: WebSocket, event: string, data: unknown): void {
    socket.send(JSON.stringify({ op: 0, t: event, s: ++this.seq, d: data }));
  }

  // ---- REST ----------------------------------------------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = decodeURIComponent(url.pathname).replace(/^\/api\/v\d+/, '');
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      route,
      body: text && req.headers['content-type']?.includes('json') ? JSON.parse(text) : text || undefined,
      at: performance.now(),
    };
    // Recorded on receipt, so a test sees a request the fake is still holding.
    this.recorder.add(record);
    const reply = (status: number, body?: unknown) => {
      res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    const body = record.body as Record<string, unknown> | undefined;
    let m: RegExpExecArray | null;
    if (record.method === 'GET' && route === '/gateway/bot') {
      reply(200, {
        url: `ws://127.0.0.1:${this.port}/gateway`,
        shards: this.recommendedShards,
        session_start_limit: {
          total: 1000,
          remaining: 1000,
          reset_after: 0,
          max_concurrency: this.maxConcurrency,
        },
      });
    } else if ((m = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(route))) {
      reply(204);
    } else if ((m = /^\/webhooks\/\d+\/[^/]+(?:\/messages\/@original)?$/.exec(route))) {
      if (record.method === 'DELETE') reply(204);
      else reply(200, this.messageObject(nextId(), CHANNEL_ID, body));
    } else if ((m = /^\/channels\/(\d+)\/messages$/.exec(route)) && record.method === 'POST') {
      // Like Discord: with enforce_nonce, a nonce seen before returns the message it created.
      const nonce = body?.enforce_nonce ? `${m[1]}:${String(body.nonce)}` : undefined;
      const existing = nonce ? this.byNonce.get(nonce) : undefined;
      if (existing) reply(200, existing);
      else {
        if (this.holdChannelPosts) await this.holdChannelPosts;
        const message = this.messageObject(nextId(), m[1]!, body);
        if (nonce) this.byNonce.set(nonce, message);
        this.created.push(message);
        if (this.failChannelPostsWith)
          reply(this.failChannelPostsWith, { message: 'Internal Server Error', code: 0 });
        else reply(200, message);
      }
    } else if ((m = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(route)) && record.method === 'PATCH') {
      reply(200, this.messageObject(m[2]!, m[1]!, body));
    } else if ((m = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(route))) {
      if (this.threads.has(m[2]!)) {
        reply(400, { message: 'A thread has already been created for this message', code: 160004 });
        return;
      }
      this.threads.add(m[2]!);
      reply(201, {
        id: nextId(),
        type: 11,
        guild_id: this.guildOf(m[1]!),
        parent_id: m[1],
        name: body?.name,
        owner_id: BOT_ID,
        thread_metadata: { archived: false, auto_archive_duration: 1440, locked: false },
      });
    } else if ((m = /^\/guilds\/(\d+)\/scheduled-events(?:\/(\d+))?$/.exec(route))) {
      this.onScheduledEvents(record.method, m[1]!, m[2], body, reply);
    } else if (/^\/applications\/\d+(?:\/guilds\/\d+)?\/commands$/.test(route) && record.method === 'PUT') {
      const list = (body as unknown as Record<string, unknown>[]) ?? [];
      reply(
        200,
        list.map((c) => ({ ...c, id: nextId(), application_id: APP_ID, version: nextId() })),
      );
    } else {
      reply(404, { message: `fake Discord has no route ${record.method} ${route}`, code: 0 });
    }
  }

  /**
   * Guild scheduled events like Discord's: GET lists, POST creates (an external one needs a location), PATCH changes,
   * DELETE removes; an unknown event is 404 code 10070. Start times are not checked against the fake's own clock:
   * the bot under test runs on a test clock.
   */
  private onScheduledEvents(
    method: string,
    guild: string,
    eventId: string | undefined,
    body: Record<string, unknown> | undefined,
    reply: (status: number, body?: unknown) => void,
  ): void {
    const unknown = () => reply(404, { message: 'Unknown Guild Scheduled Event', code: 10070 });
    const event = eventId ? this.scheduledEvents.get(eventId) : undefined;
    if (eventId && (!event || event.guild_id !== guild)) return unknown();
    if (method === 'GET' && !eventId)
      return reply(
        200,
        [...this.scheduledEvents.values()].filter((e) => e.guild_id === guild),
      );
    if (method === 'GET') return reply(200, event);
    if (method === 'POST' && !eventId) {
      // Since February 2026 a bot needs Create Events (1 << 44) to create one; Manage Events alone is not enough.
      if (!((BigInt(this.appPermissions) >> 44n) & 1n))
        return reply(403, { message: 'Missing Permissions', code: 50013 });
      if (body?.entity_type === 3 && !(body.entity_metadata as { location?: string } | undefined)?.location)
        return reply(400, { message: 'Invalid Form Body: entity_metadata.location required', code: 50035 });
      const created = {
        ...body,
        id: nextId(),
        guild_id: guild,
        creator_id: BOT_ID,
        status: 1,
      } as unknown as FakeScheduledEvent;
      this.scheduledEvents.set(created.id, created);
      if (this.failEventCreatesWith)
        return reply(this.failEventCreatesWith, { message: 'Internal Server Error', code: 0 });
      return reply(200, created);
    }
    if (method === 'PATCH' && event) {
      Object.assign(event, body);
      // A cancelled event (status 4) is gone from the guild's list, as on Discord.
      if (event.status === 4) this.scheduledEvents.delete(event.id);
      return reply(200, event);
    }
    if (method === 'DELETE' && event) {
      this.scheduledEvents.delete(event.id);
      return reply(204);
    }
    reply(405, { message: '405: Method Not Allowed', code: 0 });
  }

  private messageObject(id: string, channelId: string, body: Record<string, unknown> = {}, flags = 0) {
    return {
      id,
      channel_id: channelId,
      guild_id: this.guildOf(channelId),
      author: { id: BOT_ID, username: 'Turma', discriminator: '0', avatar: null, bot: true },
      content: body.content ?? '',
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      type: 0,
      flags: (body.flags as number | undefined) ?? flags,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
    };
  }
}

/** Interaction tokens are derived from the id so tests can find the webhook calls of an interaction. */
export const tokenOf = (interactionId: string) => `itoken-${interactionId}`;
