/**
 * @module `@adhere/oauth/diagnose`: the diagnosis of failed exchanges on its own entry, so an app can load it
 * only when a sign-in fails (its readers for pasted code, HAR and curl are most of the package's size).
 */
export { diagnose, toExchangeRecord, type Diagnosis } from './diagnose.js';
export type { ExchangeRecord } from './exchange-record.js';
export { checkConfig } from './config-check.js';
export type { Finding, FindingCode, FindingValues } from './finding.js';
