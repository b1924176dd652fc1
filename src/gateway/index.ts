// Gateway: an OpenAI-compatible HTTP server in front of admitted models, with routing, fallbacks,
// redaction, logging policy, metrics and per-key access (keys, limits, ledger).

// Building and serving
export { createGateway } from './create-gateway.js';
export type { Gateway } from './create-gateway.js';
export { startGateway } from './start-gateway.js';
export type { StartGatewayOptions, StartedGateway } from './start-gateway.js';
export { systemClock, silentLogger, jsonLogger } from './types.js';
export type { GatewayOptions, GatewayAccess, Clock, GatewayLogger, ShadowSink, ShadowRecord } from './types.js';

// Admission
export { admitRoutes, describeAdmission } from './admission/admit.js';
export type { AdmitOptions } from './admission/admit.js';
export { ADMISSION_CHECKS } from './admission/checks.js';
export type { AdmissionCheck, AdmissionContext, AdmissionReport, CheckOutcome } from './admission/types.js';

// Errors on the wire
export { ApiError } from './errors.js';
export type { ApiErrorType } from './errors.js';

// Access contracts (implemented in ./access/)
export type { ApiKeyRecord, ApiKeySpec, KeyService, LimitService, Admission, Ledger, LedgerRow, SpendRow } from './access-types.js';
