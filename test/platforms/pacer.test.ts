// The per-channel pacer the Slack adapter posts through: one channel's calls one at a time, spaced by the interval
// after the previous call ended; other channels go at once; a failed call spaces the next one just the same.
import { describe, expect, it } from 'vitest';
import { ChannelPacer } from '../../src/platforms/pacer.ts';

const INTERVAL = 80;

describe('ChannelPacer', () => {
  it('spaces calls to one channel by the interval, in order, while another channel goes at once', async () => {
    const pacer = new ChannelPacer(INTERVAL);
    const events: { what: string; at: number }[] = [];
    const call = (what: string) => async () => {
      events.push({ what, at: performance.now() });
      return what;
    };
    const started = performance.now();
    const results = await Promise.all([
      pacer.run('C1', call('c1-first')),
      pacer.run('C1', call('c1-second')),
      pacer.run('C1', call('c1-third')),
      pacer.run('C2', call('c2-first')),
    ]);
    expect(results).toEqual(['c1-first', 'c1-second', 'c1-third', 'c2-first']);
    const at = (what: string) => events.find((e) => e.what === what)!.at;
    expect(events.filter((e) => e.what.startsWith('c1')).map((e) => e.what)).toEqual([
      'c1-first',
      'c1-second',
      'c1-third',
    ]);
    expect(at('c1-second') - at('c1-first')).toBeGreaterThanOrEqual(INTERVAL - 2);
    expect(at('c1-third') - at('c1-second')).toBeGreaterThanOrEqual(INTERVAL - 2);
    // The other channel did not wait behind the first one's spacing.
    expect(at('c2-first') - started).toBeLessThan(INTERVAL);
  });

  it('spaces the call after a failed one too, and passes the failure on', async () => {
    const pacer = new ChannelPacer(INTERVAL);
    const first = pacer.run('C1', () => Promise.reject(new Error('503')));
    let secondAt = 0;
    const second = pacer.run('C1', async () => {
      secondAt = performance.now();
    });
    await expect(first).rejects.toThrow('503');
    const failedAt = performance.now();
    await second;
    expect(secondAt - failedAt).toBeGreaterThanOrEqual(INTERVAL - 5);
  });

  it('forgets idle channels once many are remembered', async () => {
    const pacer = new ChannelPacer(0);
    for (let i = 0; i < 1500; i++) await pacer.run(`C${i}`, async () => undefined);
    expect(pacer.size).toBeLessThanOrEqual(1000);
  });
});
