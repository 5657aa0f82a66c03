import { RequestHandlingService } from '@ic/contracts';
import { PersistenceModule } from '@ic/persistence';
import { ServiceCoreModule, ServiceEnv } from '@ic/platform';
import { DynamicModule, Module } from '@nestjs/common';
import { EventOrdering } from './consumer/event-ordering';
import { MessagingModule } from './messaging.module';
import { systemStatusControllerFor } from './rpc/system-status.controller';

/**
 * The shared base of every data-owning service: core, its database, messaging and the status
 * handler. `ordering`: see EventOrdering; without it each partition's events are handled in order.
 */
@Module({})
export class DataServiceModule {
  static forService<E extends ServiceEnv>(
    service: RequestHandlingService,
    env: new () => E,
    ordering?: EventOrdering,
  ): DynamicModule {
    return {
      module: DataServiceModule,
      imports: [
        ServiceCoreModule.forService({ name: service, env }),
        PersistenceModule.forService(`ic_${service}`),
        MessagingModule.forService(service, ordering),
      ],
      controllers: [systemStatusControllerFor(service)],
    };
  }
}
