/** The safe outbound HTTP client: the one way connectors reach a customer's API. */
export { createOutboundClient, type OutboundClientOptions, type OutboundDefaults } from './outbound.client';
export { OutboundError, type OutboundClient, type OutboundErrorCode, type OutboundRequest, type OutboundResponse } from './outbound.types';
export { AllowList, AllowListError, ALLOW_ENV } from './allow-list';
export { classifyAddress, isPublicAddress, type AddressClass, type BlockedRange } from './address-policy';
export { systemResolver, type Resolver, type ResolvedAddress } from './guarded-lookup';
export { createHostResolver } from './checked-host';
