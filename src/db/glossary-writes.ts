import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';

/**
 * Every committed write to the glossary table, in the context that made it (background,
 * dashboard, review page). Open course pages hold a copy of the glossary for their marks,
 * and must hear of each change: the writer tells them (src/glossary/changes.ts). A live
 * query in the background could not: the browser stops the service worker after 30 s
 * idle, and a page's write does not wake it.
 */
const listeners = new Set<() => void>();

export function onGlossaryWrite(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const told = new WeakSet<object>();

/** Runs the listeners once the transaction commits (not when it aborts), once per transaction. */
function afterCommit(trans: unknown): void {
  const idb = trans as IDBTransaction | null;
  const fire = () => {
    for (const l of listeners) l();
  };
  if (!idb || typeof idb.addEventListener !== 'function') return fire();
  if (told.has(idb)) return;
  told.add(idb);
  idb.addEventListener('complete', fire, { once: true });
}

export const glossaryWrites: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'moocmate-glossary-writes',
  create: (down) => ({
    ...down,
    table(name) {
      const table = down.table(name);
      if (name !== 'glossary') return table;
      return {
        ...table,
        mutate: (req: DBCoreMutateRequest) =>
          table.mutate(req).then((res) => {
            if (listeners.size > 0) afterCommit(req.trans);
            return res;
          }),
      };
    },
  }),
};
