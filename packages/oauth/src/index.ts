export { OAuthError, type OAuthErrorCode, type OAuthErrorDetails } from './errors.js';
export { VERIFIER_PATTERN, createVerifier, randomBase64url, assertValidVerifier, challengeS256 } from './pkce.js';
export { base64urlEncode } from './base64url.js';
export {
  GENESYS_REGIONS,
  environmentOf,
  classifyGenesysHost,
  CLIENT_APP_TARGET_ENVS,
  clientAppHostOf,
  resolveEndpoints,
  type GenesysRegion,
  type GenesysEnvironment,
  type EndpointConfig,
  type Endpoints,
} from './regions.js';
export { createMemoryStorage, type KeyValueStorage } from './storage.js';
export type { SignInConfig } from './config.js';
export { startSignIn, type StartSignInOptions, type StartedSignIn } from './authorize.js';
export { SIGN_IN_POPUP_NAME, signInWithPopup, handOffPopupCallback, type PopupSignInOptions } from './popup.js';
export { completeSignIn, cleanCallbackUrl, type CompleteSignInOptions, type SignInResult } from './callback.js';
export { exchangeCode, type ExchangeCodeRequest, type TokenSet } from './token.js';
export { createTokenStore, type TokenStore, type TokenStoreOptions } from './token-store.js';
export { signOut, type SignOutOptions, type SignOutResult } from './logout.js';
export { diagnose, toExchangeRecord, type Diagnosis } from './diagnose/diagnose.js';
export type { ExchangeRecord } from './diagnose/exchange-record.js';
export { checkConfig, checkConfigText, MAX_CONFIG_BYTES } from './diagnose/config-check.js';
export { recordingFetch, type RecordingOptions } from './diagnose/recording-fetch.js';
export type { Finding, FindingCode, FindingValues } from './diagnose/finding.js';
