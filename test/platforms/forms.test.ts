// Neutral forms on Discord and Slack: the form id round trip, hostile ids, and the report form of every question of
// the bank within both platforms' modal limits, in both languages.
import { describe, expect, it } from 'vitest';
import report from '../../commands/report.ts';
import { type Form, formId, type OutMessage, parseFormId } from '../../src/core/message.ts';
import { DISCORD_LIMITS, MODAL_LIMITS, renderModal } from '../../src/platforms/discord/render.ts';
import { renderModalView, SLACK_MODAL_LIMITS, submittedValues } from '../../src/platforms/slack/modal.ts';
import { content, fakeContext } from '../commands/fake-context.ts';

/** The report form of one question, as the ⚑ button answers it. */
async function reportForm(questionId: string, locale: 'pt-BR' | 'en') {
  const [message] = await fakeContext(report, { locale }).click(`rp:${questionId}`);
  return message as OutMessage & { form: Form };
}

describe('form ids', () => {
  it('carry the command and its fixed values, and parse back', () => {
    const id = formId({ command: 'report', values: { question: 'l1-mlops-definicao' } });
    expect(id).toBe('form:report:question=l1-mlops-definicao');
    expect(parseFormId(id)).toEqual({ command: 'report', values: { question: 'l1-mlops-definicao' } });
    expect(parseFormId(formId({ command: 'reflect' }))).toEqual({ command: 'reflect', values: {} });
    // A modal opened before forms carried values (form:<command>:<field>) still runs its command.
    expect(parseFormId('form:reflect:text')).toEqual({ command: 'reflect', values: {} });
  });

  it('parse hostile ids to nothing, or to a few short values the command checks', () => {
    for (const bad of ['', 'form:', 'form::x', 'qa:1:A', 'form:Report', `form:${'x'.repeat(40)}`])
      expect(parseFormId(bad), bad).toBeUndefined();
    const many = parseFormId(`form:report:${Array.from({ length: 50 }, (_, i) => `k${i}=v`).join('&')}`)!;
    expect(Object.keys(many.values)).toHaveLength(8);
    expect(parseFormId(`form:report:question=${'x'.repeat(5000)}`)!.values.question).toHaveLength(200);
    expect(parseFormId('form:report:question=%E0%A4%A')!.values.question).toBeTypeOf('string');
    expect(parseFormId('form:report:__proto__=x&question=q')!.values).toEqual({ question: 'q' });
  });
});

describe('the report form on Discord and Slack', () => {
  const questions = content().questions;
  const longest = [...questions].sort((a, b) => b.id.length - a.id.length)[0]!;

  it.each(['pt-BR', 'en'] as const)(
    'fits both platforms for the longest question id (%s)',
    async (locale) => {
      const message = await reportForm(longest.id, locale);
      const modal = renderModal(message);
      expect(modal.custom_id.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
      expect(modal.title.length).toBeLessThanOrEqual(MODAL_LIMITS.title);
      expect(modal.components.length).toBeLessThanOrEqual(MODAL_LIMITS.components);
      for (const c of modal.components.slice(1) as { label: string; component: Record<string, unknown> }[]) {
        expect(c.label.length).toBeLessThanOrEqual(MODAL_LIMITS.label);
        expect(String(c.component.custom_id).length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
        if (typeof c.component.placeholder === 'string')
          expect(c.component.placeholder.length).toBeLessThanOrEqual(MODAL_LIMITS.placeholder);
      }
      const view = renderModalView(message, JSON.stringify({ team: 'T1', channel: 'C1' }), {
        submit: 'Enviar',
        close: 'Cancelar',
      });
      expect(view.callback_id.length).toBeLessThanOrEqual(SLACK_MODAL_LIMITS.callbackId);
      expect(view.title.text.length).toBeLessThanOrEqual(SLACK_MODAL_LIMITS.title);
      // The form's own title is never cut: it fits as written.
      expect(view.title.text).toBe(message.form.title);
      for (const block of view.blocks.slice(1) as { element: { options?: { text: { text: string } }[] } }[])
        for (const o of block.element.options ?? [])
          expect(o.text.text.length).toBeLessThanOrEqual(SLACK_MODAL_LIMITS.optionText);
    },
  );

  it('cuts long titles and labels to the limits, and refuses a form whose id would not fit', () => {
    const form: Form = {
      command: 'report',
      title: 'T'.repeat(100),
      fields: [{ kind: 'text', name: 'text', label: 'L'.repeat(100), placeholder: 'P'.repeat(500) }],
    };
    const modal = renderModal({ form });
    expect(modal.title).toHaveLength(MODAL_LIMITS.title);
    expect(renderModalView({ form }, '{}', { submit: 'S', close: 'C' }).title.text).toHaveLength(
      SLACK_MODAL_LIMITS.title,
    );
    const huge = { ...form, values: { question: 'q'.repeat(120) } };
    expect(() => renderModal({ form: huge })).toThrow(/form id too long/);
  });

  it('reads a Slack submission: text values and selected options; anything else is left out', () => {
    expect(
      submittedValues({
        values: {
          reason: { reason: { type: 'static_select', selected_option: { value: 'typo' } } },
          text: { text: { type: 'plain_text_input', value: 'oi' } },
          empty: { empty: { type: 'plain_text_input', value: null } },
          odd: { odd: 42 },
        },
      }),
    ).toEqual({ reason: 'typo', text: 'oi' });
    for (const hostile of [null, undefined, 'x', 1, [], { values: [] }, { values: { a: null } }])
      expect(submittedValues(hostile)).toEqual({});
  });
});
