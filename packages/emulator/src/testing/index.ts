/** @module `@adhere/emulator/testing`: what other packages' tests and benchmarks need to drive an emulator. */
export { SUPERVISOR, signInAt, tokenFor } from './sign-in.js';
export { ManualClock } from '../wall-clock.js';
export { APP_SCOPES, appClient } from './app-client.js';
export { seededHabits, type Habit } from './habits.js';
export { historicalTruth, unitTruth, explanationsTruth, coachingTruth, scheduleTruth } from './truth.js';
export { renameAgent } from './rename.js';
