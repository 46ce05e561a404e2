import { createSocket } from 'node:dgram';
import { Message, encode } from 'node-osc';
import { RateLimitedLog } from './rate-limited-log';

export interface OscTarget {
  host: string;
  port: number;
}

export interface OscSender {
  send(address: string, args: (string | number)[]): void;
  close(): Promise<void>;
}

/**
 * One UDP socket that sends OSC messages to one target: the feedback of every room goes out
 * through it. Send errors are logged, rate-limited; a receiver that is down just misses messages.
 */
export function createOscSender(target: OscTarget, log: (line: string) => void): OscSender {
  const problems = new RateLimitedLog(log, Date.now);
  const socket = createSocket({ type: 'udp4' });
  socket.on('error', (error) => problems.log('feedback error', error.message));
  let closed = false;
  return {
    send: (address, args) => {
      if (closed) return;
      socket.send(encode(new Message(address, ...args)), target.port, target.host, (error) => {
        if (error) problems.log('feedback error', error.message);
      });
    },
    close: () => {
      closed = true;
      return new Promise((r) => socket.close(() => r()));
    },
  };
}
