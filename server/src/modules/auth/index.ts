export { authRoutes, sessionRoutes } from './routes.js';
export { ACCESS_TOKEN_SECONDS } from './service.js';
export { endSessionsOnUserUpdated } from './subscribers.js';
export { API_TOKEN_PREFIX } from './opaque-tokens.js';
export { actorForApiToken } from './repository.js';
export { sessionState } from './session-state.js';
