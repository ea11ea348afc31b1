// Answering one Slack interaction: build the event, run the bot, acknowledge once its work is recorded, then answer
// through response_url (or open the form), with one apology if anything fails.
import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Bot } from '../../bot/bot.ts';
import type { InboundEvent } from '../../core/events.ts';
import { type Locale, translator } from '../../core/i18n.ts';
import { hasForm, type OutMessage } from '../../core/message.ts';
import { renderModalView } from './modal.ts';
import { renderSlack, type SlackMessagePayload } from './render.ts';
import type { Logger } from '../../log.ts';
import type { Metrics } from '../../metrics.ts';
import { ackAfter } from './requests.ts';

/** What answering needs of the adapter. */
export interface AnswerDeps {
  bot: Bot;
  locale: Locale;
  logger: Logger;
  metrics?: Metrics;
}

/**
 * Builds the event, runs the bot and acknowledges (after the work is recorded), then answers through response_url
 * (or opens the form), with one apology if anything fails.
 */
export async function answerInteraction(
  opts: AnswerDeps,
  eventOf: () => Promise<InboundEvent>,
  ack: () => Promise<void>,
  respond: RespondFn,
  client: WebClient,
  triggerId?: string,
) {
  let event: InboundEvent | undefined;
  try {
    const messages = await ackAfter(async () => {
      event = await eventOf();
      return opts.bot.handle(event);
    }, ack);
    let first = true;
    for (const message of messages) {
      if (first && hasForm(message) && triggerId) {
        const t = translator(event!.actor.locale ?? opts.locale);
        const meta = JSON.stringify({ team: event!.place.communityId, channel: event!.place.channelId });
        await client.views.open({
          trigger_id: triggerId,
          view: renderModalView(message, meta, { submit: t('form.submit'), close: t('form.close') }),
        });
        first = false;
        continue;
      }
      for (const payload of renderSlack(message)) {
        await respond(responseOf(payload, message, event!.kind === 'action' && first));
        first = false;
      }
    }
  } catch (err) {
    opts.metrics?.platformErrors.inc({ platform: 'slack', operation: 'answer' });
    opts.logger.error(
      {
        err,
        platform: 'slack',
        kind: event?.kind,
        command: event?.kind === 'command' ? event.name : undefined,
        user: event?.actor.id,
        team: event?.place.communityId,
      },
      'slack answer failed',
    );
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: translator(opts.locale)('error.generic'),
    }).catch(() => undefined);
  }
}

/** A response_url body: a click's first answer may replace the message it came from. */
function responseOf(payload: SlackMessagePayload, message: OutMessage, mayReplace: boolean) {
  return {
    text: payload.text,
    blocks: payload.blocks,
    ...(mayReplace && message.replace
      ? { replace_original: true }
      : {
          replace_original: false,
          response_type: message.ephemeral ? ('ephemeral' as const) : ('in_channel' as const),
        }),
  };
}
