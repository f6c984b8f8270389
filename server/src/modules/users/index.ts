export { usersRoutes } from './routes.js';
export { listUsers, updateMyPreferences } from './service.js';
export { hashPassword, verifyPassword } from './passwords.js';
export { findUser, findUserByEmail, insertUser, timeZoneOf, toUser, type UserRow } from './repository.js';
export { knownTimeZone } from './time-zone.js';
export { userNames, userRef } from './user-names.js';
