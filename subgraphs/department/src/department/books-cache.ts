import type { EntityManager, EventSubscriber } from "@mikro-orm/core";

/**
 * Figures read from one department's books (published matters, subjects per risk class, inspectors per
 * status), kept until the books change. Every dashboard asks for them; they change only when this
 * instance commits a write. One department has one instance (docs/deployment.md), so this instance
 * sees every write: each committed ORM transaction (`BooksChangeSubscriber`) and each chunk the SQLite
 * importer writes past the ORM (`booksChanged`) empties the cache. See docs/performance.md.
 *
 * Keyed by the ORM's configuration, which every fork of one ORM shares and no other ORM has.
 */
const caches = new WeakMap<object, Map<string, Promise<unknown>>>();

function cacheOf(em: EntityManager): Map<string, Promise<unknown>> {
  const config = em.config;
  let cache = caches.get(config);
  if (!cache) caches.set(config, (cache = new Map()));
  return cache;
}

/**
 * The figure under `key`, loaded once per version of the books. A load started before a commit is
 * dropped by that commit, so no caller after a commit gets a figure from before it; a failed load is
 * not kept.
 */
export function cachedFigure<T>(em: EntityManager, key: string, load: () => Promise<T>): Promise<T> {
  const cache = cacheOf(em);
  const hit = cache.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  const loading = load();
  cache.set(key, loading);
  loading.catch(() => {
    if (cache.get(key) === loading) cache.delete(key);
  });
  return loading;
}

/** The books of this ORM changed: every cached figure is dropped. */
export function booksChanged(em: EntityManager): void {
  caches.get(em.config)?.clear();
}

/** Drops the cached figures after every committed transaction of the ORM it is registered on. */
export class BooksChangeSubscriber implements EventSubscriber {
  afterTransactionCommit(args: { em: EntityManager }): void {
    booksChanged(args.em);
  }
}
