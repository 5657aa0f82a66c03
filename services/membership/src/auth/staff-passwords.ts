import { decoyPasswordHash, hashPassword, verifyPassword } from '@ic/platform';

/**
 * The office's passwords at the cost STAFF_PASSWORD_COST sets. An unknown address is checked against
 * a decoy of the same cost, so that it takes as long as a wrong password and gets the same answer.
 */
export class StaffPasswords {
  private readonly decoy: string;

  constructor(private readonly cost: number) {
    this.decoy = decoyPasswordHash(cost);
  }

  hash(password: string): Promise<string> {
    return hashPassword(password, this.cost);
  }

  /** Whether the password matches the account's stored hash; false, after the same work, without one. */
  matches(password: string, storedHash: string | undefined): Promise<boolean> {
    return verifyPassword(password, storedHash ?? this.decoy);
  }
}
