/** Authentication: passwords, sessions and tokens, and who a request is. Only re-exports. */
export { hashPassword, verifyPassword, generatePassword } from './passwords';
export {
  SESSION_COOKIE,
  issueSecret,
  issueToken,
  endSignIn,
  revokeSecret,
  hashSecret,
  sessionCookie,
  clearedSessionCookie,
  readCookie,
  type IssuedSecret,
} from './sessions';
export {
  authenticate,
  authenticateRequest,
  authenticateCredentials,
  credentialsOf,
  type AuthenticatedUser,
  type Authentication,
  type Credentials,
} from './authenticate';
export { checkCredentials } from './login';
export { LoginThrottle, type ThrottleLimits, type SignInAttempt } from './throttle';
export { DeviceCookies, DEVICE_COOKIE, DEVICE_TTL_MS } from './devices';
export { isOwnOrigin, foreignOrigin } from './origin';
export { issueResetCode, redeemResetCode, resetLink, type IssuedReset } from './resets';
export { keepSessionAlive, slidingExpiry, firstExpiryMs } from './activity';
