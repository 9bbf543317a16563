/**
 * A Dexie DBCore middleware that times each operation ingestTrack sends to IndexedDB
 * (reads, the cues' bulkAdd, the other puts, deletes), so the bench can split an ingest
 * into phases. It records only while `phases.on` is set: queries are never slowed.
 */
import type { DBCore, DBCoreTable, Middleware } from 'dexie';

export interface Op {
  table: string;
  /** get, getMany, query, count, openCursor, or the mutation type (add, put, delete, deleteRange). */
  kind: string;
  start: number;
  end: number;
}

export const phases: { on: boolean; ops: Op[] } = { on: false, ops: [] };

function timed<R, A extends object>(table: string, kind: string, fn: (req: A) => Promise<R>) {
  return async (req: A): Promise<R> => {
    if (!phases.on) return fn(req);
    const start = performance.now();
    try {
      return await fn(req);
    } finally {
      phases.ops.push({ table, kind: kind === 'mutate' ? String((req as { type?: string }).type) : kind, start, end: performance.now() });
    }
  };
}

export const phaseTimer: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'bench-phase-timer',
  create(down) {
    return {
      ...down,
      table(name: string): DBCoreTable {
        const t = down.table(name);
        return {
          ...t,
          mutate: timed(name, 'mutate', t.mutate.bind(t)),
          get: timed(name, 'get', t.get.bind(t)),
          getMany: timed(name, 'getMany', t.getMany.bind(t)),
          query: timed(name, 'query', t.query.bind(t)),
          count: timed(name, 'count', t.count.bind(t)),
        };
      },
    };
  },
};

/**
 * Splits one timed call into phases from the operations recorded during it: before the
 * first operation (ids, hash, terms), reads, the cues' write, other writes, and the wait
 * from the last operation's answer to the transaction's commit.
 */
export function splitPhases(t0: number, t1: number, ops: Op[]) {
  const sum = (f: (o: Op) => boolean) => ops.filter(f).reduce((n, o) => n + (o.end - o.start), 0);
  const isRead = (o: Op) => ['get', 'getMany', 'query', 'count'].includes(o.kind);
  const first = Math.min(...ops.map((o) => o.start));
  const last = Math.max(...ops.map((o) => o.end));
  return {
    totalMs: t1 - t0,
    prepareMs: first - t0,
    readsMs: sum(isRead),
    deletesMs: sum((o) => o.kind === 'delete' || o.kind === 'deleteRange'),
    cuesWriteMs: sum((o) => o.table === 'cues' && (o.kind === 'add' || o.kind === 'put')),
    otherWritesMs: sum((o) => o.table !== 'cues' && (o.kind === 'add' || o.kind === 'put')),
    commitMs: t1 - last,
  };
}
