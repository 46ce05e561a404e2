/**
 * Strings of the console's OSC settings (network dialog), English and Chinese side by side.
 * The type makes a key missing from either language a compile error.
 */
export const oscEn = {
  'osc.title': 'OSC control',
  'osc.toggle': 'OSC input: accept commands from a lighting or sound desk, or Companion',
  'osc.port': 'UDP port',
  'osc.allow': 'Allowed senders (IP addresses, comma-separated)',
  'osc.allow.placeholder': 'e.g. 192.168.1.20, 127.0.0.1',
  'osc.feedback': 'Feedback to (host:port, empty for none)',
  'osc.feedback.placeholder': 'e.g. 127.0.0.1:9000',
  'osc.apply': 'Apply',
  'osc.applying': 'Applying…',
  'osc.listening': 'Listening on UDP {address}.',
  'osc.off': 'OSC input is off.',
  'osc.failed': 'OSC was not changed: {message}',
  'osc.error': 'OSC input is not listening: {message}',
  'osc.flags': 'Set from the command line, fixed here: {flags}. Restart Rostrum without them to change them here.',
  'osc.local': 'OSC listens on this computer only (127.0.0.1). An empty list accepts any program on this computer; with LAN mode on, OSC listens on the network and accepts only the listed senders.',
  'osc.lan': 'LAN mode is on: OSC listens on every network interface and accepts packets only from the listed senders.',
  'osc.lan.empty': 'LAN mode is on and no sender is listed: every OSC packet is ignored, even from this computer. List the addresses of the controllers (127.0.0.1 for one on this computer).',
} as const;

export const oscZh: Record<keyof typeof oscEn, string> = {
  'osc.title': 'OSC 控制',
  'osc.toggle': 'OSC 输入：接受灯光台、调音台或 Companion 发来的命令',
  'osc.port': 'UDP 端口',
  'osc.allow': '允许的发送方（IP 地址，用逗号分隔）',
  'osc.allow.placeholder': '例如 192.168.1.20, 127.0.0.1',
  'osc.feedback': '反馈发送到（主机:端口，留空则不发送）',
  'osc.feedback.placeholder': '例如 127.0.0.1:9000',
  'osc.apply': '应用',
  'osc.applying': '正在应用…',
  'osc.listening': '正在监听 UDP {address}。',
  'osc.off': 'OSC 输入已关闭。',
  'osc.failed': 'OSC 设置未更改：{message}',
  'osc.error': 'OSC 输入未在监听：{message}',
  'osc.flags': '已由命令行设置，此处不能更改：{flags}。要在此更改，请不带这些参数重新启动 Rostrum。',
  'osc.local': 'OSC 只在本机（127.0.0.1）监听。列表为空时接受本机上的任何程序；局域网模式开启后，OSC 在网络上监听，并且只接受列出的发送方。',
  'osc.lan': '局域网模式已开启：OSC 在所有网络接口上监听，只接受列出的发送方的数据包。',
  'osc.lan.empty': '局域网模式已开启，但没有列出任何发送方：所有 OSC 数据包都会被忽略，包括本机发来的。请列出控制设备的地址（本机上的设备用 127.0.0.1）。',
};
