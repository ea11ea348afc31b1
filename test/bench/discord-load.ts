// The interaction load both Discord benches send through the fake: slash commands at a steady rate (glossary look-ups,
// every fourth a leaderboard) from 200 members, each timed from sending to the bot's callback.
import { type FakeDiscord, tokenOf } from '../e2e/discord/fake-discord.ts';
import { GLOSSARY_QUERIES } from './stats.ts';

const USERS = 200;

/** `count` commands at `perSecond`; each one's ms to its callback, in sending order. */
export async function interactionLatencies(
  fake: FakeDiscord,
  count: number,
  perSecond: number,
): Promise<number[]> {
  const latencies: Promise<number>[] = [];
  for (let i = 0; i < count; i++) {
    const user = { id: String(600000000000000000n + BigInt(i % USERS)), name: `m${i % USERS}` };
    const started = performance.now();
    const id =
      i % 4 === 3
        ? fake.command(user, 'leaderboard')
        : fake.command(user, 'glossary', { term: GLOSSARY_QUERIES[i % GLOSSARY_QUERIES.length]! });
    latencies.push(
      fake
        .waitFor((r) => r.route === `/interactions/${id}/${tokenOf(id)}/callback`, 30_000)
        .then((r) => r.at - started),
    );
    await new Promise((r) => setTimeout(r, 1000 / perSecond));
  }
  return Promise.all(latencies);
}
