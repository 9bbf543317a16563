import { describe, expect, it } from 'vitest';
import { freshDb } from '../helpers';

describe('database schema', () => {
  it('version 1 has the tables and indexes docs/data-model.md lists', async () => {
    const db = freshDb();
    await db.open();
    expect(db.verno).toBe(1);
    const shape = Object.fromEntries(
      db.tables.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)]]),
    );
    expect(shape).toEqual({
      courses: ['id', 'lastSeen'],
      lectures: ['id', 'courseId', 'lastSeen'],
      tracks: ['id', 'lectureId'],
      cues: ['[trackId+index]', '*terms'],
    });
    db.close();
  });
});
