// Neutral forms as Slack modals, and a submitted modal back into a command's arguments. The callback id names the
// command and carries the form's fixed values; every input block is one of the command's options, by name.
import {
  type Form,
  type FormField,
  formId,
  mapMessageText,
  type OutMessage,
  plainUserText,
} from '../../core/message.ts';
import type { ArgValues } from '../../core/events.ts';
import { truncate } from '../../core/text.ts';
import { SLACK_LIMITS, section, toMrkdwn } from './render.ts';

/** Slack's modal limits (https://api.slack.com/reference/surfaces/views, block-kit/block-elements). */
export const SLACK_MODAL_LIMITS = {
  title: 24,
  button: 24,
  label: 2000,
  placeholder: 150,
  input: 3000,
  callbackId: 255,
  privateMetadata: 3000,
  options: 100,
  optionText: 75,
  optionValue: 150,
  blocks: 100,
} as const;

const plain = (text: string, max: number) => ({
  type: 'plain_text' as const,
  text: truncate(text, max),
  emoji: true,
});

/** One form field as an input block: a plain-text input or a static select. */
function inputBlock(field: FormField) {
  const optional = !(field.required ?? true);
  const element =
    field.kind === 'choice'
      ? {
          type: 'static_select',
          action_id: field.name,
          ...(field.placeholder
            ? { placeholder: plain(field.placeholder, SLACK_MODAL_LIMITS.placeholder) }
            : {}),
          options: field.options.slice(0, SLACK_MODAL_LIMITS.options).map((o) => ({
            text: plain(o.label, SLACK_MODAL_LIMITS.optionText),
            value: o.value.slice(0, SLACK_MODAL_LIMITS.optionValue),
          })),
        }
      : {
          type: 'plain_text_input',
          action_id: field.name,
          multiline: field.multiline ?? true,
          ...(field.placeholder
            ? { placeholder: plain(field.placeholder, SLACK_MODAL_LIMITS.placeholder) }
            : {}),
          ...(field.minLength ? { min_length: field.minLength } : {}),
          max_length: Math.min(field.maxLength ?? SLACK_MODAL_LIMITS.input, SLACK_MODAL_LIMITS.input),
        };
  return {
    type: 'input',
    block_id: field.name,
    label: plain(field.label, SLACK_MODAL_LIMITS.label),
    optional,
    element,
  };
}

/** A form as a modal view; `metadata` (where it was opened) comes back with the submission. */
export function renderModalView(
  original: OutMessage & { form: Form },
  metadata: string,
  labels: { submit: string; close: string },
) {
  const { form } = original;
  const message = mapMessageText(original, plainUserText);
  const intro = [message.title && `**${message.title}**`, message.text].filter(Boolean).join('\n');
  const callbackId = formId(form);
  if (callbackId.length > SLACK_MODAL_LIMITS.callbackId)
    throw new Error(`form id too long: ${callbackId.length} chars`);
  return {
    type: 'modal' as const,
    callback_id: callbackId,
    private_metadata: metadata.slice(0, SLACK_MODAL_LIMITS.privateMetadata),
    title: plain(form.title, SLACK_MODAL_LIMITS.title),
    submit: plain(labels.submit, SLACK_MODAL_LIMITS.button),
    close: plain(labels.close, SLACK_MODAL_LIMITS.button),
    blocks: [
      ...(intro ? [section(truncate(toMrkdwn(intro), SLACK_LIMITS.sectionText))] : []),
      ...form.fields.map(inputBlock),
    ],
  };
}

/** The most input blocks a submission is read for; a form of ours has a handful. */
const MAX_FORM_FIELDS = 10;

/**
 * The values of a submitted modal (`view.state.values`: block → action → element state), by action id: a text
 * input's value, a select's chosen value. Anything else (missing, null, numbers, arrays, unknown elements) is skipped;
 * the command then checks what it got like any typed argument.
 */
export function submittedValues(state: unknown): ArgValues {
  const out: ArgValues = {};
  const blocks = (state as { values?: unknown } | null | undefined)?.values;
  if (typeof blocks !== 'object' || blocks === null) return out;
  for (const actions of Object.values(blocks).slice(0, MAX_FORM_FIELDS)) {
    if (typeof actions !== 'object' || actions === null) continue;
    for (const [actionId, element] of Object.entries(actions as Record<string, unknown>).slice(0, 2)) {
      if (typeof element !== 'object' || element === null) continue;
      const { value, selected_option: selected } = element as { value?: unknown; selected_option?: unknown };
      const chosen = (selected as { value?: unknown } | null | undefined)?.value;
      if (typeof value === 'string') out[actionId] = value;
      else if (typeof chosen === 'string') out[actionId] = chosen;
    }
  }
  return out;
}
