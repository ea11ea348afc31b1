// Discord interactions as neutral events: who (name, Manage Server, locale), where (guild, channel, thread), and
// what (command values, button id, modal field, autocomplete focus). No decisions here, only translation.
import {
  type AutocompleteInteraction,
  type BaseInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type ModalSubmitInteraction,
  ComponentType,
  PermissionFlagsBits,
} from 'discord.js';
import type { Actor, ArgValues, BotPermission, InboundEvent, Place } from '../../core/events.ts';
import { matchLocale } from '../../core/i18n.ts';
import { parseFormId } from '../../core/message.ts';

export function actorOf(interaction: BaseInteraction): Actor {
  const member = interaction.member;
  const nick = member && 'displayName' in member ? member.displayName : (member?.nick ?? undefined);
  return {
    id: interaction.user.id,
    name: nick ?? interaction.user.globalName ?? interaction.user.username,
    // Manage Server, as resolved by Discord for this channel; commands re-check it, whatever the client showed.
    isAdmin: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    locale: matchLocale(interaction.locale),
  };
}

/** The Discord permission behind each need (the invite link asks for all of them). */
const PERMISSION_FLAGS: Record<BotPermission, bigint> = {
  view: PermissionFlagsBits.ViewChannel,
  send: PermissionFlagsBits.SendMessages,
  embeds: PermissionFlagsBits.EmbedLinks,
  history: PermissionFlagsBits.ReadMessageHistory,
  threads: PermissionFlagsBits.CreatePublicThreads,
  sendInThreads: PermissionFlagsBits.SendMessagesInThreads,
  createEvents: PermissionFlagsBits.CreateEvents,
};

/** What the bot may not do in this channel, from the interaction's app_permissions (resolved by Discord). */
function botLacks(interaction: BaseInteraction): BotPermission[] {
  const granted = interaction.appPermissions;
  if (!granted) return [];
  return (Object.keys(PERMISSION_FLAGS) as BotPermission[]).filter((p) => !granted.has(PERMISSION_FLAGS[p]));
}

/** The guild channel (or thread inside one) the interaction happened in; undefined outside a server. */
export function placeOf(interaction: BaseInteraction): Place | undefined {
  if (!interaction.guildId || !interaction.channelId) return undefined;
  const channel = interaction.channel;
  const lacks = botLacks(interaction);
  const where =
    channel?.isThread() && channel.parentId
      ? { channelId: channel.parentId, threadId: channel.id }
      : { channelId: interaction.channelId };
  return {
    platform: 'discord',
    communityId: interaction.guildId,
    ...where,
    ...(lacks.length ? { botLacks: lacks } : {}),
  };
}

export function commandEvent(interaction: ChatInputCommandInteraction, place: Place): InboundEvent {
  const values: ArgValues = {};
  for (const option of interaction.options.data) {
    if (typeof option.value === 'string' || typeof option.value === 'number')
      values[option.name] = option.value;
  }
  return {
    kind: 'command',
    name: interaction.commandName,
    args: { values },
    actor: actorOf(interaction),
    place,
  };
}

export function buttonEvent(interaction: ButtonInteraction, place: Place): InboundEvent {
  return { kind: 'action', buttonId: interaction.customId, actor: actorOf(interaction), place };
}

/** The most fields a submitted form is read for (a modal holds five components). */
const MAX_FORM_FIELDS = 5;

/**
 * A submitted form runs its command with the form's fixed values and each submitted field (a text input's value, a
 * select's first choice) as arguments, checked like typed ones; undefined for a modal that is not ours.
 */
export function modalEvent(interaction: ModalSubmitInteraction, place: Place): InboundEvent | undefined {
  const form = parseFormId(interaction.customId);
  if (!form) return undefined;
  const values: ArgValues = { ...form.values };
  for (const field of [...interaction.fields.fields.values()].slice(0, MAX_FORM_FIELDS)) {
    if (!('customId' in field) || typeof field.customId !== 'string') continue;
    if (field.type === ComponentType.TextInput && typeof field.value === 'string')
      values[field.customId] = field.value;
    else if (field.type === ComponentType.StringSelect && 'values' in field) {
      const [first] = field.values ?? [];
      if (typeof first === 'string') values[field.customId] = first;
    }
  }
  return {
    kind: 'command',
    name: form.command,
    args: { values },
    actor: actorOf(interaction),
    place,
  };
}

export function autocompleteEvent(
  interaction: AutocompleteInteraction,
  place: Place,
): Extract<InboundEvent, { kind: 'autocomplete' }> {
  const focused = interaction.options.getFocused(true);
  return {
    kind: 'autocomplete',
    name: interaction.commandName,
    option: focused.name,
    partial: String(focused.value),
    actor: actorOf(interaction),
    place,
  };
}
