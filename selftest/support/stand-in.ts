import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a stand-in host received. */
export interface Received {
  host: 'api' | 'auth';
  method: string;
  path: string;
}

/**
 * Two local hosts standing in for PingOne's `api.` and `auth.` hosts: each records what it
 * receives and forwards it to the emulator, so a run can be checked for where it sent each call.
 */
export class StandIns {
  readonly received: Received[] = [];
  private servers: Server[] = [];
  private target = '';
  api = '';
  auth = '';

  async start(): Promise<this> {
    this.api = await this.listen('api');
    this.auth = await this.listen('auth');
    return this;
  }

  /** Where requests are forwarded: the emulator's own address. */
  forwardTo(url: string): void {
    this.target = url;
  }

  async close(): Promise<void> {
    await Promise.all(this.servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }

  private listen(host: Received['host']): Promise<string> {
    const server = createServer(async (request, response) => {
      const url = new URL(request.url ?? '/', 'http://stand-in');
      this.received.push({ host, method: request.method ?? 'GET', path: url.pathname });
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name))) as Record<string, string>;
      const answer = await fetch(`${this.target}${request.url}`, {
        method: request.method,
        headers,
        body: chunks.length ? Buffer.concat(chunks) : undefined,
        redirect: 'manual',
      });
      const outgoing: Record<string, string | string[]> = {};
      answer.headers.forEach((value, name) => {
        if (name !== 'content-length' && name !== 'transfer-encoding' && name !== 'set-cookie') outgoing[name] = value;
      });
      const cookies = answer.headers.getSetCookie();
      if (cookies.length) outgoing['set-cookie'] = cookies;
      response.writeHead(answer.status, outgoing);
      response.end(Buffer.from(await answer.arrayBuffer()));
    });
    this.servers.push(server);
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
  }
}
