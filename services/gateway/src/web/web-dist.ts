import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';

export type ContentEncoding = 'br' | 'gzip';

/** One file of the built web app, read into memory (the whole app is a few hundred kilobytes). */
export interface WebFile {
  /** Absolute path on disk. */
  readonly path: string;
  /** `.js`, `.css`, … for the Content-Type. */
  readonly extension: string;
  /** Strong validator of the identity bytes: size and modification time (a rebuild changes it). */
  readonly etag: string;
  readonly body: Buffer;
  /** Text worth compressing (scripts, styles, markup, source maps), from 1 KB on. */
  readonly compressible: boolean;
}

interface CachedFile {
  readonly file: WebFile;
  readonly mtimeMs: number;
  readonly size: number;
  readonly encoded: Map<ContentEncoding, Promise<Buffer>>;
}

const COMPRESSIBLE_EXTENSIONS = new Set([
  '.js',
  '.mjs',
  '.css',
  '.html',
  '.svg',
  '.json',
  '.map',
  '.txt',
  '.xml',
  '.webmanifest',
]);
const MIN_COMPRESSED_BYTES = 1024;

const compressors: Record<ContentEncoding, (body: Buffer) => Promise<Buffer>> = {
  br: (body) =>
    promisify(brotliCompress)(body, {
      params: {
        [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
        [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
        [zlib.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  gzip: (body) => promisify(gzip)(body, { level: zlib.Z_BEST_COMPRESSION }),
};

/**
 * The built web app (`web/dist`) as the gateway serves it. Files are read on first use and kept
 * with their brotli and gzip forms, compressed once each in zlib's thread pool; a file whose size
 * or modification time changed (a new `npm run build` while the gateway runs) is read again.
 */
export class WebDist {
  private readonly cache = new Map<string, CachedFile>();

  constructor(readonly dir: string) {}

  get indexPath(): string {
    return join(this.dir, 'index.html');
  }

  /** `index.html`, or undefined when the web app is not built. */
  index(): Promise<WebFile | undefined> {
    return this.load(this.indexPath);
  }

  /**
   * The file a URL path names, or undefined: no such file, a directory, a hidden file (a segment
   * starting with a dot, which also rules out `..`), or a path that does not decode.
   */
  async file(urlPath: string): Promise<WebFile | undefined> {
    let segments: string[];
    try {
      segments = urlPath.split('/').filter(Boolean).map(decodeURIComponent);
    } catch {
      return undefined;
    }
    if (segments.length === 0) return undefined;
    if (segments.some((segment) => segment.startsWith('.') || /[\\/\0]/.test(segment))) return undefined;
    return this.load(join(this.dir, ...segments));
  }

  /** The file's bytes in a content encoding (only for compressible files). */
  encoded(file: WebFile, encoding: ContentEncoding): Promise<Buffer> {
    const cached = this.cache.get(file.path);
    if (!cached || cached.file !== file) return compressors[encoding](file.body);
    let encoded = cached.encoded.get(encoding);
    if (!encoded) {
      encoded = compressors[encoding](file.body);
      // A failed compression is not kept: the next request tries again.
      encoded.catch(() => cached.encoded.delete(encoding));
      cached.encoded.set(encoding, encoded);
    }
    return encoded;
  }

  private async load(path: string): Promise<WebFile | undefined> {
    const stats = await stat(path).catch(() => undefined);
    if (!stats?.isFile()) return undefined;
    const cached = this.cache.get(path);
    if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached.file;
    const body = await readFile(path);
    const extension = extname(path).toLowerCase();
    const file: WebFile = {
      path,
      extension,
      etag: `"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`,
      body,
      compressible: COMPRESSIBLE_EXTENSIONS.has(extension) && body.length >= MIN_COMPRESSED_BYTES,
    };
    this.cache.set(path, { file, mtimeMs: stats.mtimeMs, size: stats.size, encoded: new Map() });
    return file;
  }
}
