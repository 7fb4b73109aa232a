/**
 * @module Talking to Genesys Cloud from inside it: the Client App SDK's message protocol (purecloud-client-app-sdk
 * 2.6.10: `src/modules/base.ts`, `alerting.ts`, `lifecycle.ts`), spoken here directly. The SDK itself is a thin
 * layer over postMessage, but its package declares `snyk` and `snyk-to-html` as peer dependencies, which npm
 * installs: some 60 packages (Sentry, a binary-downloading postinstall) for what is about 60 lines. The messages
 * are the SDK's, field for field, so Genesys Cloud cannot tell them apart:
 *
 * - to the host: `{action, protocol: 'purecloud-client-apps', protocolAgentName, protocolAgentVersion, …}`,
 *   posted to the parent with the host's exact origin as target (never '*');
 * - from the host: `{purecloudEventType: 'appLifecycleHook', hook: 'bootstrap'|'focus'|'blur'|'stop'}`, taken only
 *   from the parent window at the host's origin, as the SDK's own `_onMsg` checks.
 */

const PROTOCOL = 'purecloud-client-apps';
const AGENT = { protocolAgentName: 'adhere', protocolAgentVersion: '1' };

export type ToastType = 'info' | 'success' | 'error';
export type LifecycleHook = 'bootstrap' | 'focus' | 'blur' | 'stop';

export interface ToastOptions {
  type?: ToastType;
  /** Replaces an earlier toast with the same id instead of adding one. */
  id?: string;
  /** Seconds (Genesys's default 7). Genesys refuses sticky toasts; an error toast must have 0 and a close button. */
  timeout?: number;
}

export class GenesysCloudHost {
  private readonly hooks = new Map<LifecycleHook, Set<() => void>>();
  private readonly onMessage = (event: MessageEvent) => {
    // Only Genesys Cloud's own page: the parent window, at the origin checked at start. Anything else (another
    // frame, a popup, a page that took the parent's place) is ignored, as the SDK ignores it.
    if (event.source !== this.parent || event.origin !== this.hostOrigin) return;
    const data = event.data as { purecloudEventType?: unknown; hook?: unknown } | null;
    if (!data || typeof data !== 'object' || data.purecloudEventType !== 'appLifecycleHook') return;
    for (const listener of this.hooks.get(data.hook as LifecycleHook) ?? []) listener();
  };

  constructor(
    readonly hostOrigin: string,
    private readonly win: Window = window,
    private readonly parent: Window = window.parent,
  ) {
    win.addEventListener('message', this.onMessage);
  }

  /**
   * A Genesys Cloud toast. Markdown is turned off: the text holds agents' names, which are not ours to format
   * (a name with `[x](…)` must not become a link).
   */
  toast(title: string, message: string, options: ToastOptions = {}): void {
    const type = options.type ?? 'info';
    this.send('showToast', {
      title,
      message,
      type,
      markdownMessage: false,
      ...(options.id === undefined ? {} : { id: options.id }),
      // Genesys requires an error toast to stay until closed (timeout 0, close button).
      ...(type === 'error' ? { timeout: 0, showCloseButton: true } : { timeout: options.timeout ?? 7 }),
    });
  }

  /** The count Genesys Cloud shows on the app's tab or icon (0 clears it). */
  setAttentionCount(count: number): void {
    this.send('setAttentionCount', { count: Math.max(0, Math.floor(count)) });
  }

  /** Says the app has started (only waited for when the integration turns on its `bootstrap` hook). */
  bootstrapped(): void {
    this.send('bootstrapped');
  }

  /** Says the app has finished stopping after a `stop` hook. */
  stopped(): void {
    this.send('stopped');
  }

  on(hook: LifecycleHook, listener: () => void): () => void {
    const set = this.hooks.get(hook) ?? new Set();
    this.hooks.set(hook, set);
    set.add(listener);
    return () => set.delete(listener);
  }

  close(): void {
    this.win.removeEventListener('message', this.onMessage);
    this.hooks.clear();
  }

  private send(action: string, payload: Record<string, unknown> = {}): void {
    if (this.parent === this.win) return; // not framed: nothing to tell
    this.parent.postMessage({ ...payload, action, protocol: PROTOCOL, ...AGENT }, this.hostOrigin);
  }
}
