// A real node:http webhook receiver for the delivery tests: every connection and request recorded, answers chosen per test.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ReceivedWebhook {
  headers: Record<string, string>;
  body: string;
}

export interface WebhookReceiver {
  port: number;
  /** Connections opened since the last reset: a refused target must leave this at 0. */
  connections: number;
  requests: ReceivedWebhook[];
  /** How a request is answered (after its body was read); default 204. */
  answer: (req: IncomingMessage, res: ServerResponse) => void;
  /** Answers these statuses in turn; the last one repeats. */
  answerStatuses(statuses: readonly number[]): void;
  /** Between tests: drops open sockets, the record and the chosen answer. */
  reset(): void;
  stop(): Promise<void>;
}

const noContent = (_req: IncomingMessage, res: ServerResponse) => void res.writeHead(204).end();

/** `host` '::' takes IPv4 and IPv6 on Linux (a refused ::1 or ::ffff:127.0.0.1 would have reached it). */
export const startWebhookReceiver = async (host = '127.0.0.1'): Promise<WebhookReceiver> => {
  const sockets = new Set<Socket>();
  const receiver: WebhookReceiver = {
    port: 0,
    connections: 0,
    requests: [],
    answer: noContent,
    answerStatuses: (statuses) => {
      const queue = [...statuses];
      receiver.answer = (_req, res) => void res.writeHead((queue.length > 1 ? queue.shift() : queue[0]) ?? 204).end();
    },
    reset: () => {
      for (const socket of sockets) socket.destroy();
      receiver.connections = 0;
      receiver.requests = [];
      receiver.answer = noContent;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      receiver.requests.push({
        headers: req.headers as Record<string, string>,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      receiver.answer(req, res);
    });
  });
  server.on('connection', (socket) => {
    receiver.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  receiver.port = (server.address() as AddressInfo).port;
  return receiver;
};
