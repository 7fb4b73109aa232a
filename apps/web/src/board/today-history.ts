/**
 * @module The historical query behind today's figure, loaded once the board is filled: its parser and job
 * handling are not on the path to the first rows, and the first load stays under 100 KB.
 */
export { historicalAdherence } from '@adhere/genesys';
