/**
 * A Map of at most `limit` entries that drops the oldest when full: for what a service remembers in
 * memory about a stream of ids it cannot expect to see again (answers it caches, mails it sent).
 * Setting a key again makes it the newest.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly limit: number) {
    super();
  }

  override set(key: K, value: V): this {
    this.delete(key);
    if (this.size >= this.limit) {
      const oldest = this.keys().next();
      if (!oldest.done) this.delete(oldest.value);
    }
    return super.set(key, value);
  }
}
