/** @module The notifications WebSocket on the API origin: `/channels/{id}` upgrades to a channel's socket. */
import type { Server } from 'node:http';
import { WebSocketServer } from 'ws';
import { MAX_CLIENT_FRAME_BYTES, type NotificationHub } from './hub.js';

const CHANNEL_PATH = /^\/channels\/([0-9a-f-]{36})$/;

/** Serves channel sockets on `server`; returns a function that ends every socket. */
export function serveChannelSockets(server: Server, hub: NotificationHub, log: (line: string) => void): () => void {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_FRAME_BYTES });
  wss.on('error', (err) => log(`[emulator] WebSocket server error: ${err.message}`));
  server.on('upgrade', (req, socket, head) => {
    // A reset or malformed upgrade must not take the process down.
    socket.on('error', () => socket.destroy());
    let path = '';
    try {
      path = new URL(req.url ?? '/', 'http://emulator').pathname;
    } catch {
      // an unparsable request line is just not a channel
    }
    const id = CHANNEL_PATH.exec(path)?.[1];
    const channel = id === undefined ? undefined : hub.get(id);
    if (!channel) {
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => hub.attach(channel, ws));
  });
  return () => {
    for (const ws of wss.clients) ws.terminate();
    wss.close();
  };
}
