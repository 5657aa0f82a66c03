import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { BootstrapStaffUseCase } from './auth/bootstrap-staff/bootstrap-staff.usecase';
import { MembershipEnv } from './membership.env';
import { SYSTEM_ACTOR } from '@ic/platform';
import {
  CreateWorkingGroupUseCase,
  STANDARD_WORKING_GROUPS,
} from './working-groups/create-working-group/create-working-group.usecase';

/**
 * What the service sets up when it starts, before it takes requests: the office's accounts (first
 * start only) and the standard working groups. Both idempotent,
 * also when several instances start at once.
 */
@Injectable()
export class MembershipSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(MembershipSeeder.name);

  constructor(
    private readonly config: ConfigService<MembershipEnv, true>,
    private readonly bootstrapStaff: BootstrapStaffUseCase,
    private readonly createWorkingGroup: CreateWorkingGroupUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.bootstrapStaff.execute(this.config.get('STAFF_BOOTSTRAP', { infer: true }));
    for (const group of STANDARD_WORKING_GROUPS) {
      if (await this.createWorkingGroup.createIfMissing(group, SYSTEM_ACTOR)) {
        this.logger.log(`Created the working group ${group.name}`);
      }
    }
  }
}
