/**
 * @module The queries behind today's figures — Genesys's historical adherence for today, and today's published
 * schedule for the projection — loaded once the board is filled: their parsers and job handling are not on the
 * path to the first rows, and the first load stays under 100 KB.
 */
export { historicalAdherence, searchAgentSchedules } from '@adhere/genesys';
