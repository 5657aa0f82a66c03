/**
 * The portal page to go on to after signing in (`?weiter=`), or undefined when the value is not a
 * path on this site: it must start with exactly one `/` (`//host` and `/\host` lead elsewhere), with
 * no empty part, no backslash, no spaces or control characters, and stay short. The gateway checks
 * `returnTo` by the same rule (PORTAL_PATH in libs/contracts).
 */
const PORTAL_PATH = /^\/(?:[^/\\\s\p{Cc}]+\/)*[^/\\\s\p{Cc}]*$/u;
const MAX_LENGTH = 200;

export function safeReturnPath(value: string | null | undefined): string | undefined {
  if (!value || value.length > MAX_LENGTH || !PORTAL_PATH.test(value)) return undefined;
  return value;
}

/** `/anmelden`, keeping a safe `weiter` so that the new link leads to the same page. */
export function signInRequestPath(returnTo: string | undefined): string {
  return returnTo ? `/anmelden?weiter=${encodeURIComponent(returnTo)}` : '/anmelden';
}
