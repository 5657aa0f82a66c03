import { ConflictError } from '@ic/platform';

/** Another write to the same document won the race; the use case reloads and decides again. */
export class ConcurrentChangeError extends Error {
  constructor(what: string) {
    super(`${what} was changed concurrently`);
    this.name = 'ConcurrentChangeError';
  }
}

const ATTEMPTS = 8;
const FIRST_DELAY_MS = 15;

/**
 * Runs a load-decide-write step again when a concurrent write to the same document got there
 * first, with a short random backoff; after several lost races the caller gets a 409.
 */
export async function retryOnConcurrentChange<T>(step: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof ConcurrentChangeError)) throw error;
      if (attempt >= ATTEMPTS) {
        throw new ConflictError(
          'Der Datensatz wurde gerade gleichzeitig geändert. Bitte versuchen Sie es erneut.',
        );
      }
      const delay = FIRST_DELAY_MS * 2 ** (attempt - 1);
      await new Promise((resolve) => setTimeout(resolve, delay / 2 + Math.random() * delay));
    }
  }
}
