// End to end on Discord: the real discord.js client logged into a local fake Discord, the real app on SQLite.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNEL_ID, type FakeUser } from './fake-discord.ts';
import { type DiscordRig, startDiscordRig } from './harness.ts';

const ana: FakeUser = { id: '500000000000000001', name: 'Ana' };
const bruno: FakeUser = { id: '500000000000000002', name: 'Bruno' };

describe('Discord end to end', () => {
  let rig: DiscordRig;
  beforeEach(async () => {
    rig = await startDiscordRig();
  });
  afterEach(async () => {
    await rig.dispose();
  });

  it('logs in with the Guilds intent only', () => {
    expect(rig.fake.identifies).toEqual([{ token: 'fake-discord-token', intents: 1 }]);
  });

  it('answers /glossary drift with Data Drift and Concept Drift in one public embed', async () => {
    const id = rig.fake.command(ana, 'glossary', { term: 'drift' });
    const cb = await rig.callback(id);
    expect(cb.type).toBe(4);
    const text = JSON.stringify(cb.data);
    expect(text).toContain('Data Drift');
    expect(text).toContain('Concept Drift');
    expect(cb.data?.flags).toBeUndefined();
    expect(cb.data?.allowed_mentions).toEqual({ parse: [] });
  });
});
