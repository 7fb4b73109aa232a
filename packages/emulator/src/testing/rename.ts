/** @module Renaming an agent for a test: names no generator makes (right-to-left scripts, say), everywhere the API says them. */
import { EmulatorError } from '../errors.js';
import type { Emulator } from '../server.js';

export function renameAgent(emulator: Emulator, userId: string, name: string): void {
  const agent = emulator.centre.topology.agentsById.get(userId);
  const account = emulator.context.directory.findById(userId);
  if (!agent || !account) throw new EmulatorError('invalid_option', `no agent ${userId}`);
  agent.name = name;
  account.name = name;
}
