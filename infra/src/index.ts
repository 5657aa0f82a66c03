export { provideInfrastructure } from './provide-infrastructure';
export type { Infrastructure, InfraSource, ProvideInfrastructureOptions } from './provide-infrastructure';
export { InfraSetupError, resolveInfraSettings } from './settings';
export type { InfraProfile, InfraSettings, PortClaim } from './settings';
export type { StoredAttachment, StoredMessage } from './mail-sink/mail-store';
