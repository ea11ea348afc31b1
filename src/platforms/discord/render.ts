// Neutral messages as Discord message JSON: an embed (title, description, fields, footer), buttons in action rows,
// the ephemeral flag, and allowed_mentions that never ping anyone. Long text is split here, within Discord's limits,
// so commands never think about them. Plain API JSON, accepted by discord.js reply/followUp/send.
import { escapeMarkdown } from 'discord.js';
import {
  type Button,
  type Form,
  type FormField,
  formId,
  type Link,
  mapMessageText,
  type OutMessage,
  plainUserText,
  replaceChannelMentions,
  replaceUserText,
} from '../../core/message.ts';
import { splitText, truncate } from '../../core/text.ts';

/** Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const DISCORD_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
  buttonLabel: 80,
  buttonsPerRow: 5,
  rows: 5,
  customId: 100,
} as const;

const EPHEMERAL = 1 << 6;
const BUTTON_STYLE = { primary: 1, secondary: 2, success: 3, danger: 4 } as const;
const BRAND_COLOR = 0x2f80ed;
/** Discord's button style for a link (opens `url`, sends no interaction). */
const LINK_STYLE = 5;

export interface DiscordEmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface DiscordMessagePayload {
  embeds: {
    title?: string;
    description?: string;
    fields?: DiscordEmbedField[];
    footer?: { text: string };
    color: number;
  }[];
  components: {
    type: 1;
    components: (
      | { type: 2; style: (typeof BUTTON_STYLE)[keyof typeof BUTTON_STYLE]; label: string; custom_id: string }
      | { type: 2; style: typeof LINK_STYLE; label: string; url: string }
    )[];
  }[];
  flags?: number;
  /** Nobody is ever pinged by what the bot says: user text may contain @everyone, roles or user mentions. */
  allowed_mentions: { parse: [] };
}

/**
 * User text shown as typed: Markdown (bold, masked links, headings, lists) escaped, `<` escaped so `<@&id>` and
 * `<#id>` stay text, and @everyone/@here broken (allowed_mentions already keeps them from pinging).
 */
export const escapeDiscord = (text: string) =>
  escapeMarkdown(text, { maskedLink: true, heading: true, bulletedList: true, numberedList: true })
    .replace(/</g, '\\<')
    .replace(/@(everyone|here)/g, '@\u200b$1');

/** User text escaped (plain where Discord shows no Markdown: button labels, thread names). */
function withUserText(message: OutMessage): OutMessage {
  const escaped = mapMessageText(message, (text) => replaceUserText(text, escapeDiscord));
  return {
    ...escaped,
    ...(message.buttons
      ? { buttons: message.buttons.map((b) => ({ ...b, label: plainUserText(b.label) })) }
      : {}),
    ...(message.links ? { links: message.links.map((l) => ({ ...l, label: plainUserText(l.label) })) } : {}),
    ...(message.startThread ? { startThread: { name: plainUserText(message.startThread.name) } } : {}),
  };
}

/** Channel mentions as Discord channel links (`<#id>`, which ping nobody) in text and field values. */
function withChannelLinks(original: OutMessage): OutMessage {
  const message = withUserText(original);
  const link = (text: string) =>
    replaceChannelMentions(text, (id) => (/^\d{15,22}$/.test(id) ? `<#${id}>` : `#${id}`));
  return {
    ...message,
    ...(message.text ? { text: link(message.text) } : {}),
    ...(message.fields ? { fields: message.fields.map((f) => ({ ...f, value: link(f.value) })) } : {}),
    ...(message.footer ? { footer: replaceChannelMentions(message.footer, (id) => `#${id}`) } : {}),
  };
}

/** A field's value over 1,024 characters continues in further fields with the same name. */
function splitFields(fields: NonNullable<OutMessage['fields']>): DiscordEmbedField[] {
  return fields.flatMap((f) =>
    splitText(f.value || '—', DISCORD_LIMITS.fieldValue).map((value, i) => ({
      name: truncate(i === 0 ? f.name : `${f.name} (…)`, DISCORD_LIMITS.fieldName),
      value,
      inline: f.inline,
    })),
  );
}

function buttonRows(buttons: readonly Button[], links: readonly Link[]): DiscordMessagePayload['components'] {
  const rows: DiscordMessagePayload['components'] = [];
  const all: (Button | Link)[] = [...buttons, ...links];
  const usable = all.slice(0, DISCORD_LIMITS.buttonsPerRow * DISCORD_LIMITS.rows);
  for (let i = 0; i < usable.length; i += DISCORD_LIMITS.buttonsPerRow) {
    rows.push({
      type: 1,
      components: usable.slice(i, i + DISCORD_LIMITS.buttonsPerRow).map((b) => {
        // A link button: style 5 (Link), an address and no custom_id; Discord sends no interaction for it.
        if ('url' in b)
          return {
            type: 2,
            style: LINK_STYLE,
            label: truncate(b.label, DISCORD_LIMITS.buttonLabel),
            url: b.url,
          };
        if (b.id.length > DISCORD_LIMITS.customId)
          throw new Error(`button id over ${DISCORD_LIMITS.customId} characters: ${b.id}`);
        return {
          type: 2,
          style: BUTTON_STYLE[b.style ?? 'primary'],
          label: truncate(b.label, DISCORD_LIMITS.buttonLabel),
          custom_id: b.id,
        };
      }),
    });
  }
  return rows;
}

/**
 * One neutral message as one or more Discord messages: the first carries title and fields, the text continues in
 * further messages when it exceeds one embed; the buttons go with the last one.
 */
export function renderDiscord(original: OutMessage): DiscordMessagePayload[] {
  const message = withChannelLinks(original);
  const descriptions = message.text ? splitText(message.text, DISCORD_LIMITS.description) : [''];
  const fields = splitFields(message.fields ?? []);
  const payloads: DiscordMessagePayload[] = descriptions.map((description, i) => ({
    embeds: [
      {
        ...(i === 0 && message.title ? { title: truncate(message.title, DISCORD_LIMITS.title) } : {}),
        ...(description ? { description } : {}),
        color: BRAND_COLOR,
      },
    ],
    components: [],
    allowed_mentions: { parse: [] },
    ...(message.ephemeral ? { flags: EPHEMERAL } : {}),
  }));
  // Fields: at most 25 per embed and 6,000 characters per embed in all; further ones go into extra embeds.
  let target = payloads[payloads.length - 1]!.embeds[0]!;
  let size = (target.title?.length ?? 0) + (target.description?.length ?? 0);
  for (const field of fields) {
    const cost = field.name.length + field.value.length;
    if (
      (target.fields?.length ?? 0) >= DISCORD_LIMITS.fields ||
      size + cost > DISCORD_LIMITS.embedTotal - DISCORD_LIMITS.footer
    ) {
      target = { color: BRAND_COLOR };
      payloads.push({
        embeds: [target],
        components: [],
        allowed_mentions: { parse: [] },
        ...(message.ephemeral ? { flags: EPHEMERAL } : {}),
      });
      size = 0;
    }
    (target.fields ??= []).push(field);
    size += cost;
  }
  if (message.footer) target.footer = { text: truncate(message.footer, DISCORD_LIMITS.footer) };
  payloads[payloads.length - 1]!.components = buttonRows(message.buttons ?? [], message.links ?? []);
  return payloads;
}

/** Discord's modal limits (title, label, placeholder, text input, text display, select options). */
export const MODAL_LIMITS = {
  title: 45,
  label: 45,
  placeholder: 100,
  selectPlaceholder: 150,
  input: 4000,
  text: 4000,
  options: 25,
  optionLabel: 100,
  optionValue: 100,
  components: 5,
} as const;

/** One form field as a Label (type 18) around a text input (4) or a string select (3). */
function modalField(field: FormField) {
  const required = field.required ?? true;
  if (field.kind === 'choice')
    return {
      type: 18,
      label: truncate(field.label, MODAL_LIMITS.label),
      component: {
        type: 3,
        custom_id: field.name,
        required,
        min_values: required ? 1 : 0,
        max_values: 1,
        ...(field.placeholder
          ? { placeholder: truncate(field.placeholder, MODAL_LIMITS.selectPlaceholder) }
          : {}),
        options: field.options.slice(0, MODAL_LIMITS.options).map((o) => ({
          label: truncate(o.label, MODAL_LIMITS.optionLabel),
          value: o.value.slice(0, MODAL_LIMITS.optionValue),
        })),
      },
    };
  return {
    type: 18,
    label: truncate(field.label, MODAL_LIMITS.label),
    component: {
      type: 4,
      custom_id: field.name,
      style: field.multiline === false ? 1 : 2,
      required,
      ...(field.placeholder ? { placeholder: truncate(field.placeholder, MODAL_LIMITS.placeholder) } : {}),
      ...(field.minLength ? { min_length: field.minLength } : {}),
      max_length: Math.min(field.maxLength ?? MODAL_LIMITS.input, MODAL_LIMITS.input),
    },
  };
}

/**
 * The JSON of a modal for a form; the message's title and text introduce it (Discord text display). The custom id
 * names the command and carries the form's fixed values (at most 100 characters: longer values are not sent).
 */
export function renderModal(original: OutMessage & { form: Form }) {
  const message = withChannelLinks(original);
  const { form } = original;
  const intro = [message.title && `### ${message.title}`, message.text].filter(Boolean).join('\n');
  const customId = formId(form);
  if (customId.length > DISCORD_LIMITS.customId)
    throw new Error(`form id too long: ${customId.length} chars`);
  const fields = form.fields.slice(0, MODAL_LIMITS.components - (intro ? 1 : 0));
  return {
    custom_id: customId,
    title: truncate(form.title, MODAL_LIMITS.title),
    components: [
      ...(intro ? [{ type: 10, content: truncate(intro, MODAL_LIMITS.text) }] : []),
      ...fields.map(modalField),
    ],
  };
}
