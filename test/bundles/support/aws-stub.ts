// Every AWS service but DynamoDB, as the bundles see it in the tier: an HTTP endpoint that records each call and
// answers a server error, and a UDP sink for X-Ray segments. Nothing leaves the machine.
import { createSocket } from 'node:dgram';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  createServer as createHttp2Server,
  type Http2Server,
  type Http2ServerRequest,
  type Http2ServerResponse,
} from 'node:http2';
import { type AddressInfo, connect, createServer as createNetServer, type Socket } from 'node:net';

export interface StubCall {
  /** The SigV4 signing name: `events`, `states`, `bedrock`, `dynamodb`… */
  service: string;
  /** `X-Amz-Target`'s operation (JSON protocols) or the request path (REST). */
  operation: string;
  body: string;
}

export interface AwsStub {
  endpoint: string;
  xrayDaemon: string;
  calls: StubCall[];
  /** X-Ray segment documents received (the UDP datagrams' JSON part). */
  segments: unknown[];
  callsTo(service: string, operation?: string): StubCall[];
  stop(): Promise<void>;
}

const signingService = (authorization: string | undefined): string =>
  /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(authorization ?? '')?.[1] ?? 'unknown';

export const startAwsStub = async (): Promise<AwsStub> => {
  const calls: StubCall[] = [];
  const segments: unknown[] = [];
  const answerError = (
    request: IncomingMessage | Http2ServerRequest,
    response: ServerResponse | Http2ServerResponse,
  ) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const target = request.headers['x-amz-target'];
      calls.push({
        service: signingService(request.headers.authorization),
        operation: typeof target === 'string' ? (target.split('.').pop() ?? target) : (request.url ?? ''),
        body: Buffer.concat(chunks).toString('utf8'),
      });
      // statusCode/setHeader: the one way both response kinds share (their writeHead overloads differ).
      response.statusCode = 500;
      response.setHeader('content-type', 'application/x-amz-json-1.1');
      response.setHeader('x-amzn-errortype', 'InternalFailure');
      response.setHeader('x-amzn-requestid', 'bundle-tier');
      response.end(JSON.stringify({ __type: 'InternalFailure', message: 'bundle tier: no AWS service here' }));
    });
  };
  // Some clients speak HTTP/2 (Bedrock Runtime's default handler), most HTTP/1.1. One address serves both:
  // a TCP front reads HTTP/2's connection preface and relays the connection to the server of its protocol.
  const http1 = createServer(answerError);
  const http2 = createHttp2Server(answerError);
  const portOf = async (server: Server | Http2Server) => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  };
  const ports = { http1: await portOf(http1), http2: await portOf(http2) };
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    return socket;
  };
  const front = createNetServer((client) => {
    track(client).once('data', (first: Buffer) => {
      client.pause();
      const isHttp2 = first.toString('latin1').startsWith('PRI * HTTP/2.0');
      const upstream = track(
        connect(isHttp2 ? ports.http2 : ports.http1, '127.0.0.1', () => {
          upstream.write(first);
          client.pipe(upstream).pipe(client);
          client.resume();
        }),
      );
    });
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const udp = createSocket('udp4');
  udp.on('message', (datagram) => {
    // `{"format":"json","version":1}\n{segment}`
    const [, document] = datagram.toString('utf8').split('\n');
    if (document) segments.push(JSON.parse(document));
  });
  await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));
  const { port } = front.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    xrayDaemon: `127.0.0.1:${udp.address().port}`,
    calls,
    segments,
    callsTo: (service, operation) =>
      calls.filter((call) => call.service === service && (operation === undefined || call.operation === operation)),
    stop: async () => {
      udp.close();
      for (const socket of sockets) socket.destroy();
      await Promise.all(
        [front, http1, http2].map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
      );
    },
  };
};
