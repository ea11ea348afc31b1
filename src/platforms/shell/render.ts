// Neutral messages as terminal text: a header line, the body, fields, footer and numbered buttons.
import {
  mapMessageText,
  type OutMessage,
  plainUserText,
  replaceChannelMentions,
} from '../../core/message.ts';

export interface ShellStyle {
  bold(s: string): string;
  dim(s: string): string;
}

export const plainStyle: ShellStyle = { bold: (s) => s, dim: (s) => s };
export const ansiStyle: ShellStyle = {
  bold: (s) => `\x1b[1m${s}\x1b[22m`,
  dim: (s) => `\x1b[2m${s}\x1b[22m`,
};

/** Renders the Markdown subset: **bold** becomes the style's bold, the rest is already readable as text. */
const inline = (text: string, style: ShellStyle) =>
  replaceChannelMentions(text, (id) => `#${id}`).replace(/\*\*(.+?)\*\*/g, (_, s: string) => style.bold(s));

export function renderShellMessage(header: string, original: OutMessage, style: ShellStyle): string {
  const message = mapMessageText(original, plainUserText);
  const lines = [`${header} Turma:`];
  if (message.title) lines.push(style.bold(message.title));
  if (message.text) lines.push(inline(message.text, style));
  for (const field of message.fields ?? []) {
    const value = inline(field.value, style);
    const name = style.bold(`${field.name}:`);
    // A list (even of one item) starts on its own line, as it does on Discord and Slack.
    const block = value.includes('\n') || value.startsWith('- ');
    lines.push(block ? `${name}\n${value}` : `${name} ${value}`);
  }
  if (message.footer) lines.push(style.dim(message.footer));
  (message.buttons ?? []).forEach((b, i) => {
    lines.push(`  [${i + 1}] ${b.label}`);
  });
  for (const link of message.links ?? []) lines.push(`  ${link.label}: ${link.url}`);
  return `${lines.join('\n')}\n`;
}
