import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * How a request to `_bulk_docs` fails, for the hard cases of a send:
 * - `cut-partial`: half of the body reaches the server, then both connections are cut (the server
 *   gets a truncated request and must write nothing);
 * - `cut-received`: the proxy reads all of the body and cuts the connection without passing it on;
 * - `drop-response`: the request reaches the server whole (it writes the document), and its answer
 *   never reaches the client: the connection is cut instead.
 */
export type Fault = 'cut-partial' | 'cut-received' | 'drop-response';

export interface FaultProxy {
  readonly url: string;
  /** Every `_bulk_docs` of `db` fails so until `heal()` (a browser may resend a request by itself once). */
  arm(db: string, fault: Fault): void;
  heal(): void;
  /** What the proxy saw of the faulted requests: bytes received, of the declared length, and bytes passed on. */
  readonly faulted: readonly { fault: Fault; received: number; length: number; forwarded: number; answered: boolean }[];
  close(): Promise<void>;
}

/**
 * A proxy between the app's origin and the CouchDB stand-in, passing everything on as it is (a
 * stopped server answers 502, as nginx does) except the `_bulk_docs` of an armed database.
 */
export function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  let armed: { path: string; fault: Fault } | undefined;
  const faulted: { fault: Fault; received: number; length: number; forwarded: number; answered: boolean }[] = [];
  const sockets = new Set<Socket>();

  function forward(req: IncomingMessage, res: ServerResponse | undefined, onAnswer?: (answer: IncomingMessage) => void) {
    const out = httpRequest({ hostname: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: { ...req.headers, host: upstream.host } }, (answer) => {
      if (onAnswer) return onAnswer(answer);
      res?.writeHead(answer.statusCode ?? 502, answer.headers);
      if (res) answer.pipe(res);
    });
    out.on('error', () => {
      if (res && !res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res?.end('{"error":"bad_gateway"}');
    });
    return out;
  }

  function fail(req: IncomingMessage, fault: Fault): void {
    const record = { fault, received: 0, length: Number(req.headers['content-length'] ?? 0), forwarded: 0, answered: false };
    faulted.push(record);
    const chunks: Buffer[] = [];
    if (fault === 'cut-partial') {
      const out = forward(req, undefined, () => undefined);
      out.on('error', () => undefined);
      out.flushHeaders();
      const half = Math.floor(record.length / 2);
      req.on('data', (chunk: Buffer) => {
        record.received += chunk.length;
        if (record.forwarded >= half) return;
        const part = chunk.subarray(0, half - record.forwarded);
        record.forwarded += part.length;
        if (record.forwarded < half) {
          out.write(part);
          return;
        }
        // Half the body is written to the server: the connection drops on both sides.
        out.write(part, () => {
          out.destroy();
          req.socket.destroy();
        });
      });
      return;
    }
    req.on('data', (chunk: Buffer) => {
      record.received += chunk.length;
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (fault === 'cut-received') {
        req.socket.destroy();
        return;
      }
      const body = Buffer.concat(chunks);
      const out = forward(req, undefined, (answer) => {
        // The server has answered (and written the document): the answer is read and thrown away.
        answer.resume();
        answer.on('end', () => {
          record.answered = true;
          req.socket.destroy();
        });
      });
      record.forwarded = body.length;
      out.end(body);
    });
  }

  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (armed && req.method === 'POST' && path === armed.path) {
      fail(req, armed.fault);
      return;
    }
    req.pipe(forward(req, res));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${String(port)}`,
        arm(db, fault) {
          armed = { path: `/${encodeURIComponent(db)}/_bulk_docs`, fault };
          faulted.length = 0;
        },
        heal() {
          armed = undefined;
        },
        faulted,
        close: () =>
          new Promise((closed) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => closed());
          }),
      });
    });
  });
}
