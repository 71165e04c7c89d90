/**
 * One IndexedDB object store, opened lazily: the browser storage under the offline queue and the
 * persisted query cache. `run` resolves once the transaction has committed, so a write counts only
 * when it is durable, not when its request succeeded.
 */
export type StoreRunner = <T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T>) => Promise<T>;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export function indexedDbStore(databaseName: string, storeName: string, options?: IDBObjectStoreParameters): StoreRunner {
  let opened: Promise<IDBDatabase> | null = null;
  const database = () => {
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(databaseName, 1);
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains(storeName)) req.result.createObjectStore(storeName, options);
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => {
        opened = null; // let the next call try again
        reject(req.error);
      };
    });
    return opened;
  };
  return async (mode, fn) => {
    const tx = (await database()).transaction(storeName, mode);
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    const result = await request(fn(tx.objectStore(storeName)));
    await done;
    return result;
  };
}
