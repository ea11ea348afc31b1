// The database's disk fills up while the bot runs (a tiny tmpfs here): every write the bot confirms is in the file,
// a member first seen during the outage is not remembered with an id no row has, /healthz answers 503 naming the
// database while writes fail and 200 again once there is room. Before, `/config quiz-time` answered "Feito" for a
// write that never happened, and the new member's clicks failed with foreign-key errors until a restart.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, rmSync, rmdirSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startSlackBot } from '../e2e/slack/bot-process.ts';
import { FakeSlack, type FakeSlackUser } from '../e2e/slack/fake-slack.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const isRoot = process.getuid?.() === 0;

/** Writes a file until the disk says it is full. */
function fill(file: string): void {
  const fd = openSync(file, 'w');
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (let i = 0; i < 100_000; i++) writeSync(fd, block);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
  }
  // The last bytes: smaller writes until nothing fits.
  for (const size of [4096, 512, 1])
    try {
      for (let i = 0; i < 10_000; i++) writeSync(fd, Buffer.alloc(size, 1));
    } catch {
      // full at this size
    }
  closeSync(fd);
}

describe('a full disk under the running bot', () => {
  it.skipIf(!isRoot)(
    'confirms only durable writes, caches no unsaved member and reports the database on /healthz',
    async () => {
      const mount = mkdtempSync(path.join(tmpdir(), 'turma-full-'));
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mount]);
      cleanups.push(() => {
        execFileSync('umount', ['-l', mount]);
        rmdirSync(mount);
      });
      const fake = new FakeSlack();
      await fake.listen();
      cleanups.push(() => fake.close());
      const monitor: FakeSlackUser = { id: 'U0MONITORA', name: 'Monitora', admin: true };
      const newcomer: FakeSlackUser = { id: 'U0NOVA', name: 'Nova' };
      for (const u of [monitor, newcomer]) fake.users.set(u.id, u);
      const bot = await startSlackBot(fake, mount, cleanups);
      const command = async (user: FakeSlackUser, name: string, text = '') => {
        const c = fake.slashCommand(user, name, text);
        expect((await bot.send(c.body)).status).toBe(200);
        return fake.response(c.id);
      };
      const quizTimeInFile = () => {
        const db = new Database(path.join(mount, 'turma.sqlite'), { readonly: true });
        try {
          return db.prepare('select quiz_time from communities').pluck().get();
        } finally {
          db.close();
        }
      };

      expect(JSON.stringify(await command(monitor, 'config', 'quiz-time 09:00'))).toContain('Feito');
      const daily = await command(monitor, 'quiz', 'daily');
      const button = JSON.stringify(daily).match(/"action_id":"(qa:[^"]+)"/)![1]!;
      expect((await bot.health()).status).toBe(200);

      const filler = path.join(mount, 'filler');
      fill(filler);
      const during = JSON.stringify(await command(monitor, 'config', 'quiz-time 10:00'));
      const health = await bot.health();
      const practice = JSON.stringify(await command(newcomer, 'quiz'));
      console.log(
        `full disk: /config answered ${during.slice(0, 120)}; /healthz ${health.status} ${JSON.stringify(health.body.checks)}`,
      );
      // Whatever the bot said, the file agrees with it: "Feito" only for a write that is in the file.
      if (during.includes('Feito')) expect(quizTimeInFile()).toBe('10:00');
      else expect(quizTimeInFile()).toBe('09:00');
      expect(during).not.toContain('Feito');
      expect(practice).toContain('Algo deu errado');
      expect(health.status).toBe(503);
      expect(health.body.checks.database).toMatch(/^failing: /);

      rmSync(filler);
      await expect.poll(async () => (await bot.health()).status, { timeout: 10_000 }).toBe(200);
      // The newcomer, first seen during the outage, answers now: their row is made now, and the click is recorded.
      const click = fake.click(newcomer, button, { ts: '1700000000.000200' });
      expect((await bot.send(click.body)).status).toBe(200);
      expect(JSON.stringify(await fake.response(click.id))).not.toContain('Algo deu errado');
      const db = new Database(path.join(mount, 'turma.sqlite'), { readonly: true });
      cleanups.push(() => {
        db.close();
      });
      const answers = db
        .prepare(
          'select count(*) from answers a join members m on m.id = a.member_id where m.external_id = ?',
        )
        .pluck()
        .get(newcomer.id);
      expect(answers).toBe(1);
      expect(JSON.stringify(await command(monitor, 'config', 'quiz-time 10:00'))).toContain('Feito');
      expect(quizTimeInFile()).toBe('10:00');
    },
  );
});
