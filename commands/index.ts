// Every command the bot serves, in the order /help lists them. No folder scanning: add new commands here.
import type { Command } from '../src/bot/command.ts';
import agenda from './agenda.ts';
import glossary from './glossary.ts';
import help from './help.ts';

export const commands: readonly Command[] = [glossary, agenda, help];
