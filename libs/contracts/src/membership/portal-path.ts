/**
 * A page of the portal to go on to after signing in (`?weiter=` in the sign-in mail's link): a path
 * on the portal's own host, starting with one `/`. Never `//` (a browser reads `//host` as another
 * site), no backslash (some browsers read `/\host` alike), no spaces or control characters. Each
 * `/`-separated part is non-empty, so the pattern matches in linear time.
 */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
export const PORTAL_PATH = /^\/(?:[^/\\\s\u0000-\u001f\u007f]+\/)*[^/\\\s\u0000-\u001f\u007f]*$/;
export const PORTAL_PATH_MAX_LENGTH = 200;
