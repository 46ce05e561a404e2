// A separate process that receives OSC feedback on 127.0.0.1 with the node-osc library and prints
// one JSON line per message: {"t":<ms>,"address":"/…","args":[…]}. The first line is {"port":N}.
import { createSocket } from 'node:dgram';
import { decode } from 'node-osc';

const socket = createSocket('udp4');
socket.on('message', (buffer) => {
  try {
    const packet = decode(buffer);
    const messages = packet.oscType === 'bundle' ? packet.elements : [packet];
    for (const m of messages) {
      const args = m.args.map((a) => (a !== null && typeof a === 'object' && 'value' in a ? a.value : a));
      process.stdout.write(`${JSON.stringify({ t: Date.now(), address: m.address, args })}\n`);
    }
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ t: Date.now(), error: String(error) })}\n`);
  }
});
socket.bind(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: socket.address().port })}\n`));
process.on('SIGTERM', () => socket.close(() => process.exit(0)));
