// The neutral outbound message every command returns and every platform renders.

/** A button; `id` is short (< 100 chars, e.g. `qa:123:B`) because state lives in the database, not in the id. */
export interface Button {
  id: string;
  label: string;
  style?: 'primary' | 'secondary' | 'success' | 'danger';
}

/** A button that opens an address (a Discord link button, a Slack button with `url`, a line in the shell). */
export interface Link {
  label: string;
  url: string;
}

/** Slack action ids of link buttons (`link:0`): Slack still sends a click, which is acknowledged and nothing more. */
export const LINK_ACTION_PREFIX = 'link:';

/** A labelled value shown as a field (Discord embed field, Slack section field, shell "name: value" line). */
export interface Field {
  name: string;
  value: string;
  inline?: boolean;
}

/**
 * What the bot says. Text uses a small Markdown subset (**bold**, _italic_, `code`, "- " lists) that each renderer
 * translates; renderers also split long text to the platform's limits, so commands never do.
 */
export interface OutMessage {
  title?: string;
  text?: string;
  fields?: Field[];
  buttons?: Button[];
  /** Addresses to open, shown with the buttons (after them). */
  links?: Link[];
  footer?: string;
  /** Seen only by the person who invoked the command or clicked. */
  ephemeral?: boolean;
  /** For button clicks: replace the message that carried the button instead of sending a new one. */
  replace?: boolean;
  /** Start a discussion thread from this post, with this name. */
  startThread?: { name: string };
  /**
   * Where the platform has forms (Discord and Slack modals), answer a command or click with this form instead of the
   * message; its text (title and text) goes into the form as the introduction. Submitting runs `command` with the
   * fields (and the form's fixed `values`) as its arguments. The shell, and any response that is no longer first,
   * shows the message as is: say there how to do the same with the command.
   */
  form?: Form;
}

/** Whether a message asks for a form (platforms with modals show the form instead). */
export const hasForm = (m: OutMessage): m is OutMessage & { form: Form } => m.form !== undefined;

/** A text field (multi-line unless `multiline` is false; required unless `required` is false). */
export interface TextFormField {
  kind: 'text';
  name: string;
  label: string;
  placeholder?: string;
  minLength?: number;
  maxLength?: number;
  required?: boolean;
  multiline?: boolean;
}

/** One choice among a few (a select menu on Discord and Slack); `value` is what the command receives. */
export interface ChoiceFormField {
  kind: 'choice';
  name: string;
  label: string;
  options: { value: string; label: string }[];
  placeholder?: string;
  required?: boolean;
}

export type FormField = TextFormField | ChoiceFormField;

/**
 * A form that runs a command when submitted (a modal on Discord and Slack): each field is one of the command's
 * options, by name. `values` are options the form carries unchanged (e.g. which question); keep them short, they
 * travel in the platform's form id (Discord's custom_id holds 100 characters).
 */
export interface Form {
  command: string;
  title: string;
  fields: FormField[];
  values?: Record<string, string>;
}

/** Form ids: `form:<command>` and the fixed values, URL-encoded (`form:report:question=l1-x`). */
export const formId = (form: Pick<Form, 'command' | 'values'>) => {
  const values = new URLSearchParams(form.values ?? {}).toString();
  return values ? `form:${form.command}:${values}` : `form:${form.command}`;
};

/**
 * A form id back into its command and fixed values; undefined for an id that is not a form's. Hostile ids parse to
 * at most a few short values (the command checks them like any typed argument).
 */
export function parseFormId(id: string): { command: string; values: Record<string, string> } | undefined {
  const match = /^form:([a-z][\w-]{0,31})(?::(.*))?$/s.exec(id);
  if (!match) return undefined;
  const values: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(match[2] ?? '')) {
    if (/^[a-z][\w-]{0,31}$/i.test(key) && value && Object.keys(values).length < 8)
      values[key] = value.slice(0, 200);
  }
  return { command: match[1]!, values };
}

/**
 * A link to a channel inside message text. Renderers turn it into the platform's own channel link (Discord and Slack
 * `<#id>`, the shell `#id`); it is made of private-use characters so nothing a user types can forge one.
 */
export const channelMention = (channelId: string) => `\uE000#${channelId}\uE001`;
/** The channel mentions in a text, for renderers: `(id) => …` decides how each one looks. */
export const replaceChannelMentions = (text: string, render: (channelId: string) => string) =>
  text.replace(/\uE000#([\w.-]{1,64})\uE001/g, (_m, id: string) => render(id));

/** A command's answer: one message or several (the first is the reply, the rest follow-ups). */
export type Reply = OutMessage | OutMessage[];

export const toMessages = (reply: Reply | undefined): OutMessage[] =>
  reply === undefined ? [] : Array.isArray(reply) ? reply : [reply];

/**
 * Text a user wrote (a display name, a reflection, a reason, a search they typed) inside message text. Each renderer
 * escapes it for its own markup (Discord Markdown and mentions; Slack's &, <, >), so a name like
 * `[Ganhe Nitro](https://evil.example)` or `<@&123>` shows as typed. Private-use markers, like channel links.
 */
export const userText = (text: string) => `\uE002${text.replace(/[\uE000-\uE003]/g, '')}\uE003`;

/** The user text in a text, for renderers: `(text) => …` escapes each piece; stray markers are dropped. */
export const replaceUserText = (text: string, render: (userText: string) => string) =>
  text
    .replace(/\uE002([^\uE002\uE003]*)\uE003/g, (_m, s: string) => render(s))
    .replace(/[\uE002\uE003]/g, '');

/** The message with `fn` applied to every piece of text a platform shows. */
export function mapMessageText(message: OutMessage, fn: (text: string) => string): OutMessage {
  return {
    ...message,
    ...(message.title !== undefined ? { title: fn(message.title) } : {}),
    ...(message.text !== undefined ? { text: fn(message.text) } : {}),
    ...(message.fields
      ? { fields: message.fields.map((f) => ({ ...f, name: fn(f.name), value: fn(f.value) })) }
      : {}),
    ...(message.footer !== undefined ? { footer: fn(message.footer) } : {}),
    ...(message.buttons ? { buttons: message.buttons.map((b) => ({ ...b, label: fn(b.label) })) } : {}),
    ...(message.links ? { links: message.links.map((l) => ({ ...l, label: fn(l.label) })) } : {}),
    ...(message.startThread ? { startThread: { name: fn(message.startThread.name) } } : {}),
  };
}

/** User text markers removed, for places that show plain text only (button labels, thread names, the shell). */
export const plainUserText = (text: string) => replaceUserText(text, (s) => s);
