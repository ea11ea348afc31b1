// A local fake of Slack for end-to-end tests and benchmarks. Two halves:
// - the Web API the bot calls (SLACK_API_URL): auth.test, users.info, chat.postMessage/postEphemeral/update,
//   views.open, views.publish, conversations.open, and the response_url endpoints; everything recorded;
// - Slack's side of the HTTP receiver: slash commands, block_actions (on messages and on the Home tab),
//   view_submission and Events API bodies (app_home_opened), signed with the signing secret the way Slack signs them
//   (v0 HMAC-SHA256 over "v0:timestamp:body").
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { Recorder } from '../recorder.ts';

export const TEAM_ID = 'T0TURMA01';
export const CHANNEL_ID = 'C0GERAL01';
export const BOT_USER_ID = 'U0TURMABOT';
export const SIGNING_SECRET = 'fake-signing-secret';

export interface FakeSlackUser {
  id: string;
  name: string;
  admin?: boolean;
  locale?: string;
}

export interface SlackCall {
  /** Web API method (chat.postMessage) or `response` for response_url posts. */
  method: string;
  body: Record<string, unknown>;
  /** For response_url posts: which request it answers. */
  responseId?: string;
  at: number;
}

export class FakeSlack {
  private readonly recorder = new Recorder<SlackCall>('fake Slack');
  /** Everything received, in order. */
  readonly calls = this.recorder.items;
  readonly users = new Map<string, FakeSlackUser>();
  /** Channels the bot is not a member of: posting there fails with not_in_channel, as on Slack. */
  readonly notIn = new Set<string>();
  /**
   * Faults, for the calls this returns one for: `hang` never answers; `reset` does the call (records it, a post is
   * made) and then drops the connection before answering, as a network cut after Slack accepted it would.
   */
  fault: ((call: SlackCall) => 'hang' | 'reset' | undefined) | undefined;
  private readonly hung = new Set<ServerResponse>();

  /** Cuts the connections of every call held by a `hang` fault. */
  dropHung(): void {
    for (const res of this.hung) res.socket?.destroy();
    this.hung.clear();
  }
  private readonly server: Server;
  private port = 0;
  private ts = 1_700_000_000;
  private requestSeq = 0;

  private readonly socketServer: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  private envelopeSeq = 0;

  constructor() {
    this.server = createServer((req, res) => void this.onRequest(req, res));
    // Socket Mode: apps.connections.open hands out this address; Slack says hello, then sends envelopes.
    this.socketServer = new WebSocketServer({ server: this.server, path: '/socket' });
    this.socketServer.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('message', (raw) => {
        const ack = JSON.parse(String(raw)) as { envelope_id: string; payload?: Record<string, unknown> };
        this.recorder.add({ method: 'socket.ack', body: ack, at: performance.now() });
      });
      socket.send(
        JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0TURMA' } }),
      );
      this.recorder.add({ method: 'socket.hello', body: {}, at: performance.now() });
    });
  }

  /** Socket Mode: sends an envelope (a slash command or interactive payload) to the connected app. */
  socketSend(
    type: 'slash_commands' | 'interactive',
    payload: Record<string, unknown> | string,
    retry = 0,
  ): string {
    const envelopeId = `env-${++this.envelopeSeq}`;
    const body = typeof payload === 'string' ? Object.fromEntries(new URLSearchParams(payload)) : payload;
    for (const socket of this.sockets)
      socket.send(
        JSON.stringify({
          envelope_id: envelopeId,
          type,
          payload: body,
          accepts_response_payload: type === 'slash_commands',
          retry_attempt: retry,
          retry_reason: retry ? 'timeout' : '',
        }),
      );
    return envelopeId;
  }

  async listen(port = 0): Promise<void> {
    this.server.listen(port, '127.0.0.1');
    await once(this.server, 'listening');
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** What SLACK_API_URL is set to. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.socketServer.close();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  /** Resolves with the first recorded item (past or future) that matches. */
  waitFor(match: (r: SlackCall) => boolean, timeoutMs = 5000): Promise<SlackCall> {
    return this.recorder.waitFor(match, timeoutMs);
  }

  /** The n-th response_url post answering request `id`. */
  response(id: string, n = 0): Promise<Record<string, unknown>> {
    const mine = (c: SlackCall) => c.method === 'response' && c.responseId === id;
    return this.waitFor((c) => mine(c) && this.calls.filter(mine).length > n).then(
      () => this.calls.filter(mine)[n]!.body,
    );
  }

  // ---- requests Slack sends to the app ----------------------------------------------------------------------------

  /** A slash command body (form-encoded, as Slack sends it) and the id of its response_url. */
  slashCommand(user: FakeSlackUser, command: string, text = '', channelId = CHANNEL_ID, teamId = TEAM_ID) {
    const id = this.nextRequestId();
    const body = new URLSearchParams({
      token: 'deprecated-verification-token',
      team_id: teamId,
      team_domain: 'turma',
      channel_id: channelId,
      channel_name: 'geral',
      user_id: user.id,
      user_name: user.name,
      command: `/${command}`,
      // As Slack sends it: mentions encoded (<!channel>, <@U1|ana>), a literal & < > typed by a user escaped.
      text,
      api_app_id: 'A0TURMA',
      is_enterprise_install: 'false',
      response_url: this.responseUrl(id),
      trigger_id: `trigger-${id}`,
    }).toString();
    return { id, body };
  }

  /** A button click on a message, as a block_actions payload. */
  click(
    user: FakeSlackUser,
    actionId: string,
    message: { ts: string; ephemeral?: boolean; channel?: string },
    actionTs?: string,
  ) {
    const id = this.nextRequestId();
    const channel = message.channel ?? CHANNEL_ID;
    const payload = {
      type: 'block_actions',
      user: { id: user.id, username: user.name, name: user.name, team_id: TEAM_ID },
      api_app_id: 'A0TURMA',
      token: 'deprecated-verification-token',
      container: {
        type: 'message',
        message_ts: message.ts,
        channel_id: channel,
        is_ephemeral: !!message.ephemeral,
      },
      trigger_id: `trigger-${id}`,
      team: { id: TEAM_ID, domain: 'turma' },
      enterprise: null,
      is_enterprise_install: false,
      channel: { id: channel, name: channel === CHANNEL_ID ? 'geral' : 'directmessage' },
      message: { type: 'message', ts: message.ts, text: '', blocks: [] },
      state: { values: {} },
      response_url: this.responseUrl(id),
      actions: [
        {
          action_id: actionId,
          block_id: 'b1',
          text: { type: 'plain_text', text: actionId, emoji: true },
          value: actionId,
          type: 'button',
          action_ts: actionTs ?? `${this.ts++}.000100`,
        },
      ],
    };
    return { id, body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString() };
  }

  /** Submits a modal the bot opened (its view as sent to views.open) with a value for its one input. */
  submitView(
    user: FakeSlackUser,
    view: { callback_id: string; private_metadata: string },
    field: string,
    value: string,
  ) {
    return this.submitViewState(user, view, formState({ [field]: value }));
  }

  /**
   * An Events API delivery of app_home_opened (JSON, as Slack posts events): the member opened the app's Home tab
   * (or its Messages tab, `tab: 'messages'`). `event` overrides or removes (undefined) fields, for hostile payloads.
   */
  homeOpened(user: FakeSlackUser, event: Record<string, unknown> = {}, teamId = TEAM_ID): string {
    return JSON.stringify({
      token: 'deprecated-verification-token',
      team_id: teamId,
      api_app_id: 'A0TURMA',
      type: 'event_callback',
      event_id: `Ev${++this.requestSeq}`,
      event_time: Math.floor(Date.now() / 1000),
      event: {
        type: 'app_home_opened',
        user: user.id,
        channel: dmOf(user.id),
        tab: 'home',
        event_ts: `${this.ts++}.000400`,
        ...event,
      },
    });
  }

  /** A button click on the app's Home tab (a view: no channel, no message, no response_url). */
  clickInHome(user: FakeSlackUser, actionId: string) {
    const id = this.nextRequestId();
    const payload = {
      type: 'block_actions',
      user: { id: user.id, username: user.name, name: user.name, team_id: TEAM_ID },
      api_app_id: 'A0TURMA',
      token: 'deprecated-verification-token',
      container: { type: 'view', view_id: 'VHOME01' },
      trigger_id: `trigger-${id}`,
      team: { id: TEAM_ID, domain: 'turma' },
      enterprise: null,
      is_enterprise_install: false,
      view: { id: 'VHOME01', type: 'home', blocks: [], private_metadata: '', callback_id: '' },
      actions: [
        {
          action_id: actionId,
          block_id: 'b1',
          text: { type: 'plain_text', text: actionId, emoji: true },
          value: actionId,
          type: 'button',
          action_ts: `${this.ts++}.000500`,
        },
      ],
    };
    return { id, body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString() };
  }

  /**
   * Submits a modal the bot opened with any `state` (Slack's shape is `{ values: { block: { action: element } } }`;
   * see `formState`), or a hostile one, and optionally another callback id.
   */
  submitViewState(
    user: FakeSlackUser,
    view: { callback_id: string; private_metadata: string },
    state: unknown,
    callbackId = view.callback_id,
  ) {
    const payload = {
      type: 'view_submission',
      team: { id: TEAM_ID, domain: 'turma' },
      user: { id: user.id, username: user.name, name: user.name, team_id: TEAM_ID },
      api_app_id: 'A0TURMA',
      token: 'deprecated-verification-token',
      trigger_id: 'trigger-view',
      view: {
        id: 'V0001',
        type: 'modal',
        callback_id: callbackId,
        private_metadata: view.private_metadata,
        state,
      },
    };
    return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  }

  /** Headers Slack would send with this body; `age` seconds old; JSON bodies (events) as JSON. */
  sign(body: string, options: { secret?: string; ageSeconds?: number; retry?: number } = {}) {
    const timestamp = String(Math.floor(Date.now() / 1000) - (options.ageSeconds ?? 0));
    const signature = `v0=${createHmac('sha256', options.secret ?? SIGNING_SECRET)
      .update(`v0:${timestamp}:${body}`)
      .digest('hex')}`;
    return {
      'content-type': body.startsWith('{') ? 'application/json' : 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': signature,
      ...(options.retry
        ? { 'x-slack-retry-num': String(options.retry), 'x-slack-retry-reason': 'http_timeout' }
        : {}),
    };
  }

  private nextRequestId = () => String(++this.requestSeq);
  private responseUrl = (id: string) => `http://127.0.0.1:${this.port}/response/${id}`;

  // ---- the Web API ----------------------------------------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = parseBody(text, req.headers['content-type'] ?? '');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const reply = (status: number, json: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    const response = /^\/response\/(\w+)$/.exec(url.pathname);
    const method = response ? 'response' : url.pathname.replace(/^\/api\//, '');
    const call: SlackCall = {
      method,
      body,
      at: performance.now(),
      ...(response ? { responseId: response[1] } : {}),
    };
    const fault = this.fault?.(call);
    if (fault === 'hang') {
      this.recorder.add(call);
      this.hung.add(res);
      return;
    }
    if (fault === 'reset') {
      this.recorder.add(call);
      req.socket.destroy();
      return;
    }
    switch (method) {
      case 'response':
        reply(200, { ok: true });
        break;
      case 'apps.connections.open':
        reply(200, { ok: true, url: `ws://127.0.0.1:${this.port}/socket` });
        break;
      case 'auth.test':
        reply(200, {
          ok: true,
          url: 'https://turma.slack.com/',
          team: 'Turma',
          user: 'turma',
          team_id: TEAM_ID,
          user_id: BOT_USER_ID,
          bot_id: 'B0TURMA',
        });
        break;
      case 'users.info': {
        const user = this.users.get(String(body.user));
        if (!user) reply(200, { ok: false, error: 'user_not_found' });
        else
          reply(200, {
            ok: true,
            user: {
              id: user.id,
              team_id: TEAM_ID,
              name: user.name.toLowerCase(),
              is_admin: !!user.admin,
              is_owner: false,
              is_primary_owner: false,
              locale: user.locale ?? 'pt-BR',
              profile: { display_name: user.name, real_name: user.name },
            },
          });
        break;
      }
      case 'chat.postMessage':
      case 'chat.postEphemeral': {
        const ts = `${this.ts++}.000${method === 'chat.postMessage' ? 200 : 300}`;
        if (this.notIn.has(String(body.channel))) reply(200, { ok: false, error: 'not_in_channel' });
        else if (method === 'chat.postEphemeral') reply(200, { ok: true, message_ts: ts });
        else reply(200, { ok: true, channel: body.channel, ts, message: { ts, text: body.text } });
        break;
      }
      case 'chat.update':
        reply(200, { ok: true, channel: body.channel, ts: body.ts });
        break;
      case 'views.open':
        reply(200, { ok: true, view: { id: 'V0001', ...(body.view as object) } });
        break;
      case 'views.publish':
        if (!this.users.has(String(body.user_id))) reply(200, { ok: false, error: 'user_not_found' });
        else reply(200, { ok: true, view: { id: 'VHOME01', ...(body.view as object) } });
        break;
      case 'conversations.open': {
        const user = String(body.users ?? '');
        if (!this.users.has(user)) reply(200, { ok: false, error: 'user_not_found' });
        else reply(200, { ok: true, channel: { id: dmOf(user) } });
        break;
      }
      default:
        reply(200, { ok: false, error: 'unknown_method' });
    }
    this.recorder.add(call);
  }
}

/** The id of a member's DM with the app (their Messages tab), as conversations.open gives it. */
export const dmOf = (userId: string) => `D${userId.slice(1)}`;

/** A modal's state as Slack sends it: a string is a text input's value, `{ selected }` a static select's choice. */
export function formState(fields: Record<string, string | { selected: string }>) {
  return {
    values: Object.fromEntries(
      Object.entries(fields).map(([name, v]) => [
        name,
        {
          [name]:
            typeof v === 'string'
              ? { type: 'plain_text_input', value: v }
              : {
                  type: 'static_select',
                  selected_option: { text: { type: 'plain_text', text: v.selected }, value: v.selected },
                },
        },
      ]),
    ),
  };
}

/** Web API bodies come form-encoded (JSON-valued fields as strings) or as JSON; response_url posts as JSON. */
function parseBody(text: string, contentType: string): Record<string, unknown> {
  if (!text) return {};
  if (contentType.includes('json')) return JSON.parse(text) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    out[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return out;
}
