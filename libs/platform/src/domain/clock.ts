import { Injectable } from '@nestjs/common';

/** The time, injectable so that specs can fix it. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
