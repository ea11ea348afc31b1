// The bot's own Slack posts through the real bolt client and the fake Web API: chat.postMessage about once per second
// per channel (Slack's limit), while another channel's post goes out at once.
import { afterEach, describe, expect, it } from 'vitest';
import { SLACK_POST_INTERVAL_MS } from '../../../src/platforms/slack/adapter.ts';
import { type SlackRig, startSlackRig } from './harness.ts';

let rig: SlackRig | undefined;
afterEach(async () => {
  await rig?.dispose();
  rig = undefined;
});

describe('Slack posting pace', () => {
  it('spaces posts to one channel by a second and does not hold another channel behind them', async () => {
    rig = await startSlackRig([]);
    const posts = () => rig!.fake.calls.filter((c) => c.method === 'chat.postMessage');
    const started = performance.now();
    await Promise.all([
      rig.adapter.post({ communityId: 'T0TURMA01', channelId: 'C0AVISOS1' }, { text: 'um' }),
      rig.adapter.post({ communityId: 'T0TURMA01', channelId: 'C0AVISOS1' }, { text: 'dois' }),
      rig.adapter.post({ communityId: 'T0TURMA01', channelId: 'C0OUTRO01' }, { text: 'outro' }),
    ]);
    const inChannel = posts().filter((c) => c.body.channel === 'C0AVISOS1');
    expect(inChannel.map((c) => c.body.text)).toEqual(['um', 'dois']);
    expect(inChannel[1]!.at - inChannel[0]!.at).toBeGreaterThanOrEqual(SLACK_POST_INTERVAL_MS - 5);
    const other = posts().find((c) => c.body.channel === 'C0OUTRO01')!;
    expect(other.at - started).toBeLessThan(SLACK_POST_INTERVAL_MS);
  });
});
