/** One key of parsed JSON (or a parsed query) with its value, where it sits and how deep. */
export interface JsonEntry {
  readonly key: string;
  readonly value: unknown;
  /** Dotted from the top: `municipality.ags`, `sessions.0.title`. */
  readonly path: string;
  /** 1 for the keys of the top object or list, one more for each level below. */
  readonly depth: number;
}

/**
 * Every entry of the objects and lists in a parsed body, walked with a list instead of recursion,
 * so that no nesting can overflow the stack. Only plain data is entered (what JSON and query parsing
 * make; an uploaded file's Buffer is not). An entry whose key `skip` names is yielded but not entered.
 */
export function* jsonEntries(value: unknown, skip?: ReadonlySet<string>): Generator<JsonEntry> {
  const pending: { readonly node: unknown; readonly path: string; readonly depth: number }[] = [
    { node: value, path: '', depth: 1 },
  ];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { node, path, depth } = next;
    if (!isPlainData(node)) continue;
    for (const [key, child] of Object.entries(node as Record<string, unknown>)) {
      const entry = { key, value: child, path: path ? `${path}.${key}` : key, depth };
      yield entry;
      if (!skip?.has(key)) pending.push({ node: child, path: entry.path, depth: depth + 1 });
    }
  }
}

/** Whether an object or list lies more than `maxDepth` levels deep (the top one is level 1). */
export function isNestedDeeperThan(value: unknown, maxDepth: number): boolean {
  if (isPlainData(value) && maxDepth < 1) return true;
  for (const entry of jsonEntries(value)) {
    if (isPlainData(entry.value) && entry.depth + 1 > maxDepth) return true;
  }
  return false;
}

function isPlainData(node: unknown): node is object {
  if (typeof node !== 'object' || node === null) return false;
  const prototype: unknown = Object.getPrototypeOf(node);
  return prototype === Object.prototype || prototype === null || Array.isArray(node);
}
