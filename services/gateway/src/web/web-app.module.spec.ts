import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { ConfigValidationError, validateConfig } from '@ic/platform';
import { GatewayEnv } from '../gateway.env';
import { GatewayTestApp, startGatewayTestApp } from '../testing/gateway-test-app';
import { NOT_BUILT_PAGE } from './not-built.page';
import { WebAppModule } from './web-app.module';
import { DEFAULT_WEB_DIST_DIR } from './web-dist-dir';

const INDEX_HTML =
  '<!doctype html><html lang="de"><head><title>Innovators Club</title>' +
  '<script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>';
/** Large enough to be compressed (from 1 KB on). */
const SCRIPT = `console.log(${JSON.stringify('Innovators Club '.repeat(400))});\n`;
const STYLE = 'body { margin: 0; }\n';

interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

/** fetch decompresses by itself; this shows the bytes on the wire. */
function rawGet(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

function expectWebAppHeaders(headers: Headers): void {
  const policy = headers.get('content-security-policy') ?? '';
  for (const directive of [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ])
    expect(policy).toContain(directive);
  expect(policy).not.toContain('unsafe-inline');
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('same-origin');
}

describe(WebAppModule.name, () => {
  let root: string;
  let dist: string;
  let sut: GatewayTestApp;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'ic-web-dist-'));
    dist = join(root, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), INDEX_HTML);
    writeFileSync(join(dist, 'assets', 'index-Ab12Cd34.js'), SCRIPT);
    writeFileSync(join(dist, 'assets', 'index-Ef56Gh78.css'), STYLE);
    writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(dist, '.env'), 'SECRET=in-dist');
    writeFileSync(join(root, 'outside.txt'), 'SECRET=outside');
  });

  afterEach(async () => {
    await sut.close();
    rmSync(root, { recursive: true, force: true });
  });

  describe('with the app built', () => {
    beforeEach(async () => {
      sut = await startGatewayTestApp({ WEB_DIST_DIR: dist });
    });

    it('answers / with index.html, revalidated on every visit, under a strict policy', async () => {
      const response = await sut.request('/');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.text).toBe(INDEX_HTML);
      expectWebAppHeaders(response.headers);
    });

    it.each([
      '/anmelden?weiter=%2Fprofil',
      '/veranstaltungen/4f1c2b8a-0f6f-4d7e-9a51-5b0f7a523c1e',
      '/mitglieder/',
      '/apiary',
      '/start',
      '/favicon.ico',
    ])('answers the page %s with index.html (the app routes it)', async (path) => {
      const response = await sut.request(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.text).toBe(INDEX_HTML);
    });

    it('answers HEAD like GET, without a body', async () => {
      const response = await rawGet(`${sut.url}/veranstaltungen`, {}, 'HEAD');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['content-length']).toBe(String(Buffer.byteLength(INDEX_HTML)));
      expect(response.body).toHaveLength(0);
    });

    it('serves hashed assets as immutable, and other files of the build for revalidation', async () => {
      const style = await sut.request('/assets/index-Ef56Gh78.css');
      expect(style.status).toBe(200);
      expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
      expect(style.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(style.text).toBe(STYLE);
      expectWebAppHeaders(style.headers);

      const icon = await sut.request('/favicon.svg');
      expect(icon.status).toBe(200);
      expect(icon.headers.get('content-type')).toBe('image/svg+xml');
      expect(icon.headers.get('cache-control')).toBe('no-cache');
    });

    it('compresses scripts with brotli, else gzip, else not at all', async () => {
      const path = `${sut.url}/assets/index-Ab12Cd34.js`;
      const brotli = await rawGet(path, { 'accept-encoding': 'gzip, deflate, br, zstd' });
      expect(brotli.status).toBe(200);
      expect(brotli.headers['content-encoding']).toBe('br');
      expect(brotli.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(brotli.headers.vary).toBe('Accept-Encoding');
      expect(Number(brotli.headers['content-length'])).toBe(brotli.body.length);
      expect(brotli.body.length).toBeLessThan(SCRIPT.length / 10);
      expect(brotliDecompressSync(brotli.body).toString()).toBe(SCRIPT);

      const gzipped = await rawGet(path, { 'accept-encoding': 'gzip' });
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gzipped.body).toString()).toBe(SCRIPT);

      const plain = await rawGet(path, { 'accept-encoding': 'br;q=0, gzip;q=0' });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.toString()).toBe(SCRIPT);

      // Below 1 KB compression gains nothing.
      const small = await rawGet(`${sut.url}/assets/index-Ef56Gh78.css`, { 'accept-encoding': 'br' });
      expect(small.headers['content-encoding']).toBeUndefined();
    });

    it('answers 304 to a revalidation with the ETag of the same encoding', async () => {
      const first = await rawGet(`${sut.url}/assets/index-Ab12Cd34.js`, { 'accept-encoding': 'br' });
      const etag = String(first.headers.etag);
      const again = await rawGet(`${sut.url}/assets/index-Ab12Cd34.js`, {
        'accept-encoding': 'br',
        'if-none-match': etag,
      });
      expect(again.status).toBe(304);
      expect(again.body).toHaveLength(0);
      const otherEncoding = await rawGet(`${sut.url}/assets/index-Ab12Cd34.js`, {
        'accept-encoding': 'gzip',
        'if-none-match': etag,
      });
      expect(otherEncoding.status).toBe(200);
    });

    it('serves a new build without a restart', async () => {
      const changed = INDEX_HTML.replace('index-Ab12Cd34', 'index-Zz99Yy88');
      writeFileSync(join(dist, 'index.html'), changed);
      // A different modification time, also on file systems with coarse timestamps.
      utimesSync(join(dist, 'index.html'), new Date(), new Date(Date.now() + 5000));
      expect((await sut.request('/')).text).toBe(changed);
    });

    it('answers a missing hashed asset with 404, not with the page', async () => {
      const response = await sut.request('/assets/index-Old00000.js');
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    });

    it.each([
      '/.env',
      '/%2e%2e/outside.txt',
      '/assets/..%2f..%2foutside.txt',
      '/assets%2f..%2f..%2foutside.txt',
    ])('never serves hidden files or files outside the build (%s)', async (path) => {
      const response = await sut.request(path);
      expect(response.text).not.toContain('SECRET');
    });

    it.each([
      '/api/v1/unknown',
      '/api/v1/',
      '/api',
      '/api/unknown',
      '/health/unknown',
      '/abmelden',
      '/abmelden/',
    ])('leaves %s to the server: 404 problem+json', async (path) => {
      const response = await sut.request(path);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.text).not.toContain('<div id="root">');
    });

    it('lets every route of the gateway answer first', async () => {
      const live = await sut.request('/health/live');
      expect(live.status).toBe(200);
      const openapi = await sut.request('/api/openapi.json');
      expect(openapi.status).toBe(200);
      expect(openapi.json).toMatchObject({ info: { title: 'Innovators Club API' } });
    });

    it('answers other methods outside the API with 404', async () => {
      const response = await sut.request('/veranstaltungen', { method: 'POST', body: {} });
      expect(response.status).toBe(404);
    });
  });

  describe('without a build', () => {
    beforeEach(async () => {
      sut = await startGatewayTestApp({ WEB_DIST_DIR: join(root, 'not-built') });
    });

    it('answers the pages with a German 503 page that says how to build the app', async () => {
      for (const path of ['/', '/veranstaltungen']) {
        const response = await sut.request(path);
        expect(response.status).toBe(503);
        expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expect(response.headers.get('cache-control')).toBe('no-store');
        expectWebAppHeaders(response.headers);
        expect(response.text).toBe(NOT_BUILT_PAGE);
      }
      expect(NOT_BUILT_PAGE).toContain('lang="de"');
      expect(NOT_BUILT_PAGE).toContain('<h1>Die Web-Anwendung ist noch nicht gebaut</h1>');
      expect(NOT_BUILT_PAGE).toContain('<code>npm run build</code>');
    });

    it('keeps the API running', async () => {
      const unknown = await sut.request('/api/v1/unknown');
      expect(unknown.status).toBe(404);
      expect((await sut.request('/health/live')).status).toBe(200);
    });
  });
});

describe('GatewayEnv.WEB_DIST_DIR', () => {
  const env = { JWT_SECRET: 'a-secret-of-at-least-thirty-two-characters' };

  it("defaults to the repository's web/dist, from the sources as from the build", () => {
    expect(validateConfig(GatewayEnv, env).WEB_DIST_DIR).toBe(DEFAULT_WEB_DIST_DIR);
    expect(DEFAULT_WEB_DIST_DIR).toBe(join(__dirname, '..', '..', '..', '..', 'web', 'dist'));
  });

  it('takes an absolute path and refuses a relative one, naming the variable', () => {
    expect(validateConfig(GatewayEnv, { ...env, WEB_DIST_DIR: '/srv/portal' }).WEB_DIST_DIR).toBe(
      '/srv/portal',
    );
    expect(() => validateConfig(GatewayEnv, { ...env, WEB_DIST_DIR: 'web/dist' })).toThrow(
      ConfigValidationError,
    );
    expect(() => validateConfig(GatewayEnv, { ...env, WEB_DIST_DIR: 'web/dist' })).toThrow(
      'WEB_DIST_DIR must be an absolute path',
    );
  });
});
