/** @module Text put into the emulator's HTML pages (the sign-in page, Genesys Cloud's page): never markup. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
