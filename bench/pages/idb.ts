/** Small helpers over the raw IndexedDB API for the bench page. */

export function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

export function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

export async function deleteDb(name: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const r = indexedDB.deleteDatabase(name);
    // 'blocked' also fires while a just-closed connection finishes its transactions; success follows.
    const timer = setTimeout(() => reject(new Error(`deleting ${name} stays blocked`)), 10_000);
    r.onsuccess = () => (clearTimeout(timer), resolve());
    r.onerror = () => (clearTimeout(timer), reject(r.error));
  });
}

export interface StoreShape {
  name: string;
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: Array<{ name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }>;
}

/** Object stores, key paths and indexes of a database, as IndexedDB reports them. */
export function shapeOf(db: IDBDatabase): StoreShape[] {
  const names = [...db.objectStoreNames].sort();
  const tx = db.transaction(names, 'readonly');
  return names.map((name) => {
    const s = tx.objectStore(name);
    return {
      name,
      keyPath: s.keyPath,
      autoIncrement: s.autoIncrement,
      indexes: [...s.indexNames].sort().map((i) => {
        const x = s.index(i);
        return { name: i, keyPath: x.keyPath, unique: x.unique, multiEntry: x.multiEntry };
      }),
    };
  });
}

/** One line per store, to compare two databases. */
export function describeSchema(db: IDBDatabase): string {
  return shapeOf(db)
    .map((s) => {
      const idx = s.indexes.map((x) => `${x.name}:${JSON.stringify(x.keyPath)}${x.multiEntry ? '*' : ''}${x.unique ? '!' : ''}`);
      return `${s.name}(${JSON.stringify(s.keyPath)}${s.autoIncrement ? '++' : ''}) ${idx.join(' ')}`;
    })
    .join('; ');
}

/** A new database with exactly these stores and indexes, made with raw createObjectStore/createIndex. */
export function openRawDb(name: string, shape: StoreShape[]): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open(name, 1);
    r.onupgradeneeded = () => {
      for (const s of shape) {
        const store = r.result.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
        for (const x of s.indexes) store.createIndex(x.name, x.keyPath, { unique: x.unique, multiEntry: x.multiEntry });
      }
    };
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

export async function clearStores(db: IDBDatabase, names: readonly string[]): Promise<void> {
  const tx = db.transaction([...names], 'readwrite');
  for (const n of names) tx.objectStore(n).clear();
  await done(tx);
}
