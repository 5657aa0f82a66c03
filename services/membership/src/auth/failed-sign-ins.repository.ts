import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { FAILED_SIGN_IN_MODEL, FailedSignInRecord } from './auth.schemas';
import { FailedSignIn } from './failed-sign-ins.rules';

/** The journal of the office's failed password sign-ins. */
@Injectable()
export class FailedSignInsRepository {
  constructor(@InjectModel(FAILED_SIGN_IN_MODEL) private readonly model: Model<FailedSignInRecord>) {}

  /** Writes the failure and removes the entries from before `keepSince`. */
  async record(failure: FailedSignIn, keepSince: Date): Promise<void> {
    await this.model.create({
      _id: randomUUID(),
      email: failure.email,
      officeAccount: failure.officeAccount,
      at: failure.at,
    });
    await this.model.deleteMany({ at: { $lt: keepSince } }).exec();
  }

  async findSince(since: Date): Promise<FailedSignIn[]> {
    const records = await this.model
      .find({ at: { $gte: since } })
      .lean<FailedSignInRecord[]>()
      .exec();
    return records.map((record) => ({
      email: record.email,
      officeAccount: record.officeAccount,
      at: record.at,
    }));
  }
}
