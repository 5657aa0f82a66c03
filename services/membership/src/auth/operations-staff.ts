import { checkEmailAddress } from '@ic/contracts';

/**
 * The staff accounts that also run the platform (the console's "Betrieb" page: dead letters), by
 * address, from STAFF_OPERATIONS (comma-separated). Read at each sign-in, so a change takes effect
 * with the next sign-in after a restart; the grant travels in the session and its access token.
 */
export class OperationsStaff {
  private readonly addresses: ReadonlySet<string>;

  constructor(addresses: readonly string[]) {
    this.addresses = new Set(addresses);
  }

  /** Parses STAFF_OPERATIONS; an entry that is no e-mail address stops the service, naming it. */
  static fromEnv(value: string | undefined): OperationsStaff {
    const addresses = (value ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0)
      .map((entry) => {
        const checked = checkEmailAddress(entry);
        if (!checked.ok) throw new Error(`STAFF_OPERATIONS: "${entry}" is not an e-mail address`);
        return checked.address;
      });
    return new OperationsStaff(addresses);
  }

  grants(email: string): boolean {
    const checked = checkEmailAddress(email);
    return checked.ok && this.addresses.has(checked.address);
  }
}
