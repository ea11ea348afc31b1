// Neutral messages as Slack Block Kit: header, mrkdwn sections, context for the footer, buttons in actions blocks,
// within Slack's limits. Every piece of text is escaped (&, <, >) first, so nothing anyone typed can become
// <!channel>, a user mention or a link; only then is the neutral Markdown turned into Slack's mrkdwn.
import {
  LINK_ACTION_PREFIX,
  mapMessageText,
  type OutMessage,
  plainUserText,
  replaceChannelMentions,
} from '../../core/message.ts';
import { splitText, truncate } from '../../core/text.ts';

/** Slack's limits (https://api.slack.com/reference/block-kit/blocks). */
export const SLACK_LIMITS = {
  header: 150,
  sectionText: 3000,
  blocks: 50,
  actionsElements: 25,
  buttonText: 75,
  actionId: 255,
  fallbackText: 3000,
} as const;

type TextObject = { type: 'mrkdwn' | 'plain_text'; text: string; emoji?: boolean };
export type SlackBlock =
  | { type: 'header'; text: TextObject }
  | { type: 'section'; text: TextObject }
  | { type: 'context'; elements: TextObject[] }
  | { type: 'actions'; elements: SlackButton[] };

/** A button: a click sent back (`value`), or an address opened (`url`). */
export type SlackButton = {
  type: 'button';
  text: TextObject;
  action_id: string;
  style?: 'primary' | 'danger';
} & ({ value: string } | { url: string });

export interface SlackMessagePayload {
  /** Notification and accessibility fallback. */
  text: string;
  blocks: SlackBlock[];
  response_type?: 'ephemeral' | 'in_channel';
}

/** Slack's required escaping for text it should show as written. */
export const escapeSlack = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The neutral Markdown subset as mrkdwn: **bold** → *bold*, "- " lists → bullets; text escaped first. */
export function toMrkdwn(text: string): string {
  return replaceChannelMentions(escapeSlack(text), (id) =>
    /^[CG][A-Z0-9]+$/.test(id) ? `<#${id}>` : `#${id}`,
  )
    .replace(/\*\*(.+?)\*\*/g, '*$1*')
    .replace(/^- /gm, '• ');
}

export const section = (text: string): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });

/** One neutral message as one or more Slack messages (more only when it needs over 50 blocks). */
export function renderSlack(original: OutMessage): SlackMessagePayload[] {
  // User text needs no more than the escaping every piece of text gets here (&, <, >).
  const message = mapMessageText(original, plainUserText);
  const blocks: SlackBlock[] = [];
  if (message.title) {
    blocks.push({
      type: 'header',
      text: { type: 'plain_text', text: truncate(message.title, SLACK_LIMITS.header), emoji: true },
    });
  }
  if (message.text)
    for (const chunk of splitText(toMrkdwn(message.text), SLACK_LIMITS.sectionText))
      blocks.push(section(chunk));
  for (const field of message.fields ?? []) {
    const body = `*${toMrkdwn(field.name)}*\n${toMrkdwn(field.value)}`;
    for (const chunk of splitText(body, SLACK_LIMITS.sectionText)) blocks.push(section(chunk));
  }
  if (message.footer)
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: truncate(toMrkdwn(message.footer), SLACK_LIMITS.sectionText) }],
    });
  const buttons: SlackButton[] = [
    ...(message.buttons ?? []).map((b) => ({
      type: 'button' as const,
      text: { type: 'plain_text' as const, text: truncate(b.label, SLACK_LIMITS.buttonText), emoji: true },
      action_id: b.id,
      value: b.id,
      ...(b.style === 'primary' || b.style === 'success'
        ? { style: 'primary' as const }
        : b.style === 'danger'
          ? { style: 'danger' as const }
          : {}),
    })),
    // A url button opens the address; Slack still sends a block_action (LINK_ACTION_PREFIX), acknowledged unread.
    ...(message.links ?? []).map((l, i) => ({
      type: 'button' as const,
      text: { type: 'plain_text' as const, text: truncate(l.label, SLACK_LIMITS.buttonText), emoji: true },
      action_id: `${LINK_ACTION_PREFIX}${i}`,
      url: l.url,
    })),
  ];
  for (let i = 0; i < buttons.length; i += SLACK_LIMITS.actionsElements) {
    blocks.push({ type: 'actions', elements: buttons.slice(i, i + SLACK_LIMITS.actionsElements) });
  }
  // The notification and screen-reader text: Slack's own mrkdwn (*bold*), channel links as #id.
  const fallback = truncate(
    replaceChannelMentions(
      escapeSlack([message.title, message.text].filter(Boolean).join(' — ') || ' '),
      (id) => `#${id}`,
    ).replace(/\*\*(.+?)\*\*/g, '*$1*'),
    SLACK_LIMITS.fallbackText,
  );
  const payloads: SlackMessagePayload[] = [];
  for (let i = 0; i < Math.max(1, blocks.length); i += SLACK_LIMITS.blocks) {
    payloads.push({
      text: fallback,
      blocks: blocks.slice(i, i + SLACK_LIMITS.blocks),
      ...(message.ephemeral ? { response_type: 'ephemeral' as const } : {}),
    });
  }
  return payloads;
}
