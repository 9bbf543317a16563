import { afterEach, describe, expect, it } from 'vitest';
import { MoocMateDb, type GlossaryEntryRecord } from '../../../src/db/schema';
import { onGlossaryWrite } from '../../../src/db/glossary-writes';
import { wipeAll } from '../../../src/db/backup';

let n = 0;
const open: Array<{ db: MoocMateDb; stop: () => void }> = [];
afterEach(async () => {
  for (const { db, stop } of open.splice(0)) {
    stop();
    db.close();
    await db.delete();
  }
});

/** A fresh database and a count of the glossary writes it tells of. */
function setup() {
  const db = new MoocMateDb(`glossary-writes-${++n}`);
  const told = { count: 0 };
  const stop = onGlossaryWrite(() => told.count++);
  open.push({ db, stop });
  return { db, told };
}
const entry = (id: string, base: string) => ({ id, term: base, base, due: 0, tags: [] as string[] }) as unknown as GlossaryEntryRecord;
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('glossary writes are told', () => {
  it('after an add, an edit, a delete and a clear, once each', async () => {
    const { db, told } = setup();
    await db.glossary.add(entry('a', 'run'));
    await settle();
    expect(told.count).toBe(1);
    await db.glossary.update('a', { meaning: 'correr' });
    await db.glossary.delete('a');
    await settle();
    expect(told.count).toBe(3);
    await db.glossary.bulkAdd([entry('b', 'walk'), entry('c', 'jump')]);
    await wipeAll(db); // "Delete all data" clears every table
    await settle();
    expect(told.count).toBe(5);
  });

  it('once for a transaction with many writes, and not before it commits', async () => {
    const { db, told } = setup();
    await db.transaction('rw', db.glossary, async () => {
      await db.glossary.add(entry('a', 'run'));
      await db.glossary.add(entry('b', 'walk'));
      expect(told.count).toBe(0);
    });
    await settle();
    expect(told.count).toBe(1);
  });

  it('not for a transaction that fails, nor for writes to other tables', async () => {
    const { db, told } = setup();
    await expect(
      db.transaction('rw', db.glossary, async () => {
        await db.glossary.add(entry('a', 'run'));
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await db.courses.add({ id: 'c1', site: 'html5', title: 'A course', url: 'https://x.test/', firstSeen: 0, lastSeen: 0 });
    await settle();
    expect(told.count).toBe(0);
    expect(await db.glossary.count()).toBe(0);
  });
});
