/** The public face of the system module: what other modules, the API and the wiring may use. */
export { addHealthCheck, systemApi } from './api/system.api';
export { systemRoutes } from './api/system.routes';
