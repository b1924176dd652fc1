// The dashboard: a JSON API over the project (models, runs, traffic, keys) and the single-page app that shows it.

// Serving
export { createDashboard } from './server/create-dashboard.js';
export type { DashboardOptions, DashboardHandler } from './server/create-dashboard.js';
export { startDashboard, mountDashboard } from './server/start-dashboard.js';
export type { StartDashboardOptions, StartedDashboard, MountedDashboard } from './server/start-dashboard.js';

// The API's routes and data shapes
export { API_ROUTES } from './server/api.js';
export type { ModelListItem, ModelDetail, ModelRunScore } from './server/data/models.js';
export type { Attestation } from './server/data/attestations.js';
export type { CompareRow, QualityPoint } from './server/data/runs.js';
export type { Traffic, TrafficBucket, TrafficBy } from './server/data/traffic.js';
