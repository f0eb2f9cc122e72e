import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignature } from '../modules/webhooks/signing.js';

export interface Received {
  eventId: string;
  type: string;
  attempt: number;
  body: string;
  data: Record<string, unknown>;
  signatureValid: boolean;
}

/**
 * A real receiver on 127.0.0.1, as a partner would write one: verifies X-CSP-Signature with the
 * secret, and processes each event id once (duplicates are answered 200 and dropped).
 */
export class WebhookReceiver {
  /** Every request that arrived, duplicates included. */
  readonly requests: Received[] = [];
  /** Each event once, in the order first received. */
  readonly processed: Received[] = [];
  mode: 'ok' | 'fail' | 'hang' = 'ok';
  secret = '';
  private server: Server | null = null;
  private readonly hanging = new Set<ServerResponse>();
  port = 0;

  constructor(private readonly signedAt: () => Date = () => new Date()) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** Down: the port refuses connections until start(port) again. */
  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    const server = this.server;
    this.server = null;
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve) ?? resolve(null));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const parsed = JSON.parse(body) as { id: string; type: string; data: Record<string, unknown> };
    const received: Received = {
      eventId: String(req.headers['x-csp-event-id']),
      type: String(req.headers['x-csp-event-type']),
      attempt: Number(req.headers['x-csp-delivery-attempt']),
      body,
      data: parsed.data,
      signatureValid:
        parsed.id === req.headers['x-csp-event-id'] &&
        verifySignature(
          this.secret,
          body,
          req.headers['x-csp-signature'] as string | undefined,
          this.signedAt(),
        ),
    };
    this.requests.push(received);
    if (this.mode === 'hang') {
      this.hanging.add(res);
      return;
    }
    if (this.mode === 'fail') {
      res.statusCode = 500;
      res.end('try again later');
      return;
    }
    if (received.signatureValid && !this.processed.some((p) => p.eventId === received.eventId))
      this.processed.push(received);
    res.statusCode = received.signatureValid ? 200 : 400;
    res.end('ok');
  }
}
