// Small pieces of the Slack request path: when to acknowledge (after the work is recorded, within Slack's deadline),
// what a form's private_metadata may carry, how a Web API error reads, and where a form's answer goes.
import type { WebClient } from '@slack/web-api';
import type { SlackMessagePayload } from './render.ts';

/** Web API errors meaning "the bot cannot post in this channel". */
export const NOT_A_MEMBER = new Set(['not_in_channel', 'channel_not_found']);

/** The `error` code of a failed Web API call (`{ ok: false, error }`), if that is what `err` is. */
export function platformError(err: unknown): string | undefined {
  const data = (err as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/** Work still running after this long is acknowledged anyway (Slack gives up on a request after 3 s). */
export const ACK_AFTER_MS = 2500;

/** Runs `work`, then acknowledges: after its writes committed, or failed, or at ACK_AFTER_MS if it is slower. */
export async function ackAfter<T>(work: () => Promise<T>, ack: () => Promise<void>): Promise<T> {
  let acked: Promise<void> | undefined;
  const timer = setTimeout(() => {
    acked = ack();
    acked.catch(() => undefined); // awaited below; a failure surfaces there, not as an unhandled rejection
  }, ACK_AFTER_MS);
  try {
    return await work();
  } finally {
    clearTimeout(timer);
    await (acked ?? ack());
  }
}

/** What a form carries from the command that opened it; anything else in private_metadata is ignored. */
export function formMeta(raw: string | undefined): { team?: string; channel?: string } {
  try {
    const meta: unknown = JSON.parse(raw || '{}');
    if (typeof meta !== 'object' || meta === null) return {};
    const { team, channel } = meta as Record<string, unknown>;
    return {
      ...(typeof team === 'string' ? { team } : {}),
      ...(typeof channel === 'string' ? { channel } : {}),
    };
  } catch {
    return {};
  }
}

/**
 * Posts a reply to a modal submission in the channel it came from. Slash commands work in any channel, but the bot
 * can post only where it is a member: otherwise the reply goes to the member's Messages tab with the app, so the
 * confirmation (what was saved) is never lost.
 */
export async function replyAfterForm(
  client: WebClient,
  channel: string,
  user: string,
  payload: SlackMessagePayload,
  ephemeral: boolean,
): Promise<void> {
  const content = { text: payload.text, blocks: payload.blocks };
  // A form opened from the App Home has the member as its channel: the reply goes to their Messages tab.
  if (channel === user) {
    await client.chat.postMessage({ channel: user, ...content });
    return;
  }
  try {
    if (ephemeral) await client.chat.postEphemeral({ channel, user, ...content });
    else await client.chat.postMessage({ channel, ...content });
  } catch (err) {
    if (!NOT_A_MEMBER.has(platformError(err) ?? '')) throw err;
    await client.chat.postMessage({ channel: user, ...content });
  }
}
