import { isDuplicateKeyError } from '@ic/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { STAFF_ACCOUNT_MODEL, StaffAccountRecord } from './auth.schemas';

export interface StaffAccount {
  readonly email: string;
  readonly subject: string;
  readonly name: string;
  readonly passwordHash: string;
  readonly createdAt: Date;
}

@Injectable()
export class StaffAccountsRepository {
  constructor(@InjectModel(STAFF_ACCOUNT_MODEL) private readonly model: Model<StaffAccountRecord>) {}

  async any(): Promise<boolean> {
    return (await this.model.exists({}).exec()) !== null;
  }

  /** Creates the account; false when the address has one already. */
  async insert(account: StaffAccount): Promise<boolean> {
    try {
      await this.model.create({
        _id: account.email,
        subject: account.subject,
        name: account.name,
        passwordHash: account.passwordHash,
        createdAt: account.createdAt,
      });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async findByEmail(email: string): Promise<StaffAccount | null> {
    const record = await this.model.findById(email).lean<StaffAccountRecord>().exec();
    return record ? toAccount(record) : null;
  }

  async findFirst(): Promise<StaffAccount | null> {
    const record = await this.model
      .findOne({})
      .sort({ createdAt: 1, _id: 1 })
      .lean<StaffAccountRecord>()
      .exec();
    return record ? toAccount(record) : null;
  }
}

function toAccount(record: StaffAccountRecord): StaffAccount {
  return {
    email: record._id,
    subject: record.subject,
    name: record.name,
    passwordHash: record.passwordHash,
    createdAt: record.createdAt,
  };
}
