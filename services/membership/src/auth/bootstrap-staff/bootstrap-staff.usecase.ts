import { AsTypedTextField, ClosedObject, EmailAddressField, Shape, SingleLineTextField } from '@ic/contracts';
import { Clock, decodeRequest, FieldValidationException } from '@ic/platform';
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { StaffAccountsRepository } from '../staff-accounts.repository';
import { StaffPasswords } from '../staff-passwords';

/** One entry of STAFF_BOOTSTRAP: the address is checked and stored as a request's is. */
const staffBootstrapEntrySchema = ClosedObject({
  email: EmailAddressField(),
  name: SingleLineTextField(120),
  password: AsTypedTextField(200, { minLength: 12 }),
});
export type StaffBootstrapEntry = Shape<typeof staffBootstrapEntrySchema>;

/**
 * Reads STAFF_BOOTSTRAP; the message names the entry, each field and what is wrong with it (in the
 * requests' German words, which never repeat a password).
 */
export function parseStaffBootstrap(json: string): StaffBootstrapEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error('STAFF_BOOTSTRAP is not valid JSON: expected [{"email":"…","name":"…","password":"…"}]');
  }
  if (!Array.isArray(parsed) || parsed.length === 0) {
    throw new Error('STAFF_BOOTSTRAP must be a non-empty JSON array of {email, name, password}');
  }
  return parsed.map((raw: unknown, index) => {
    if (typeof raw !== 'object' || raw === null) {
      throw new Error(`STAFF_BOOTSTRAP[${index}] must be an object {email, name, password}`);
    }
    try {
      return decodeRequest(staffBootstrapEntrySchema, raw) as StaffBootstrapEntry;
    } catch (error) {
      if (!(error instanceof FieldValidationException)) throw error;
      const problems = error.fieldErrors.map(({ field, message }) => `${field}: ${message}`);
      throw new Error(`STAFF_BOOTSTRAP[${index}] is invalid: ${problems.join('; ')}`);
    }
  });
}

/**
 * Creates the office's accounts on the first start, when none exists. Inserts keyed by address
 * make it safe when several instances start at once. Logs the addresses, never the passwords.
 */
@Injectable()
export class BootstrapStaffUseCase {
  private readonly logger = new Logger(BootstrapStaffUseCase.name);

  constructor(
    private readonly accounts: StaffAccountsRepository,
    private readonly clock: Clock,
    private readonly passwords: StaffPasswords,
  ) {}

  async execute(staffBootstrap: string | undefined): Promise<void> {
    if (await this.accounts.any()) return;
    if (!staffBootstrap) {
      this.logger.warn(
        'There is no staff account and STAFF_BOOTSTRAP is not set: nobody can sign in as staff.',
      );
      return;
    }
    const created: string[] = [];
    for (const entry of parseStaffBootstrap(staffBootstrap)) {
      const subject = `staff-${randomUUID()}`;
      const inserted = await this.accounts.insert({
        email: entry.email,
        subject,
        name: entry.name,
        passwordHash: await this.passwords.hash(entry.password),
        createdAt: this.clock.now(),
      });
      if (inserted) created.push(subject);
    }
    // Their ids, not their addresses: logs carry no personal data.
    if (created.length > 0) this.logger.log(`Created staff accounts: ${created.join(', ')}`);
  }
}
