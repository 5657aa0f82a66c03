import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';

/**
 * The database features the platform does not use because the local default (mongo-java-server)
 * lacks them or ignores them without an error (test/integration/database/README.md). A source that
 * starts using one fails here, naming the file: either drop it or give it a conformance test in
 * test/integration/database that fails on a server that ignores it, and make the server pass it.
 */
interface Rule {
  readonly pattern: RegExp;
  readonly why: string;
  /** Only in files that use the driver, where the word is unambiguous. */
  readonly driverFilesOnly?: boolean;
  /** Files with a conformance test for their use. */
  readonly testedIn?: readonly string[];
}

/** Files whose aggregations test/integration/database/aggregations.test.ts covers (none so far). */
const filesWithTestedAggregations: readonly string[] = [];

const rules: readonly Rule[] = [
  {
    pattern: /\bexpireAfterSeconds\b/,
    why: 'a TTL index; the local default never removes expired documents',
  },
  {
    pattern: /\bexpires\s*:/,
    why: "mongoose's TTL option; the local default never removes expired documents",
    driverFilesOnly: true,
  },
  {
    pattern: /\bpartialFilterExpression\b/,
    why: 'a partial index; the local default enforces a partial unique index over all documents',
  },
  {
    pattern: /\bcollation\b/,
    why: 'a collation; the local default compares and sorts as if none were given',
  },
  {
    pattern: /\b(startSession|withTransaction)\b/,
    why: 'a session or transaction; the local default has no transactions',
  },
  { pattern: /\.watch\s*\(/, why: 'a change stream; the local default has none', driverFilesOnly: true },
  {
    pattern: /returnDocument\s*:\s*['"]after['"]|returnOriginal\s*:\s*false|\bnew\s*:\s*true\b/,
    why:
      'findOneAndUpdate returning the document after the update; on the local default it can already hold ' +
      "the next caller's change: take the document before it and apply the change in code",
    driverFilesOnly: true,
  },
  {
    pattern: /\.aggregate\s*\(/,
    why:
      'an aggregation; none is tested yet: add its stages and operators to ' +
      'test/integration/database/aggregations.test.ts and list the file in filesWithTestedAggregations',
    testedIn: filesWithTestedAggregations,
  },
];

const root = join(__dirname, '..', '..');
const scannedFolders = ['services', 'libs', 'scripts', 'bench'];
const driverImport = /from ['"](mongoose|mongodb|@nestjs\/mongoose)['"]/;

function sourcesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name === 'results' ? [] : sourcesUnder(path);
    return /\.m?ts$/.test(entry.name) && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** What the source uses, named by its path; its comments may name any feature. */
function violations(path: string, text: string): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false);
  const code = ts.createPrinter({ removeComments: true }).printFile(source);
  const usesDriver = driverImport.test(code);
  return rules
    .filter((rule) => (usesDriver || !rule.driverFilesOnly) && !rule.testedIn?.includes(path))
    .filter((rule) => rule.pattern.test(code))
    .map((rule) => `${path}: ${rule.why}`);
}

describe('database features the local default lacks or ignores', () => {
  it('are used nowhere in the platform sources', () => {
    const sources = scannedFolders.flatMap((folder) => sourcesUnder(join(root, folder)));
    expect(sources.length).toBeGreaterThan(100);

    const found = sources.flatMap((path) => violations(relative(root, path), readFileSync(path, 'utf8')));

    expect(found).toEqual([]);
  });

  it('are recognised in code and not in comments', () => {
    const sample = (text: string) => violations('sample.ts', text);

    expect(
      sample(
        "import { Schema } from 'mongoose';\nconst s = new Schema({ at: { type: Date, expires: 3600 } });",
      ),
    ).toEqual(["sample.ts: mongoose's TTL option; the local default never removes expired documents"]);
    expect(sample('schema.index({ at: 1 }, { expireAfterSeconds: 0 });')).toHaveLength(1);
    expect(
      sample('collection.createIndex({ k: 1 }, { unique: true, partialFilterExpression: { a: true } });'),
    ).toHaveLength(1);
    expect(
      sample("import { mongo } from 'mongoose';\nc.findOneAndUpdate(f, u, { returnDocument: 'after' });"),
    ).toHaveLength(1);
    expect(
      sample("import { Model } from 'mongoose';\nmodel.findOneAndUpdate(f, u, { new: true });"),
    ).toHaveLength(1);
    expect(sample('model.aggregate([{ $match: {} }]);')).toHaveLength(1);
    // Cookies and tokens expire too, outside the driver's files; a comment may name any feature.
    expect(sample('res.cookie(name, value, { expires: at });')).toEqual([]);
    expect(
      sample("import { mongo } from 'mongoose';\nconst expiresAt = new Date(); // no collation, no TTL"),
    ).toEqual([]);
  });
});
