import type { ClockStatus, Phase } from '../../clock/clock-state';
import type { ErrorCode } from '../../contract/errors';
import type { LinkStatus } from '../../contract/link-status';
import type { Message } from '../translate';

/** Keys the core must cover: one per phase, clock status, link status and error code. */
type RequiredKeys =
  | `phase.${Phase}`
  | `status.${ClockStatus}`
  | `link.${LinkStatus}`
  | `error.${ErrorCode}`;

/**
 * The core: the words every page loads (renderer/i18n/messages.ts), whatever else it shows. The
 * views' names and the window title, phases, clock and link statuses, every refusal, and what the
 * components more than one view shows say (renderer/app, renderer/components, renderer/i18n). A
 * word that one view alone shows belongs in a part (parts/*.ts) that view loads, not here: every
 * page carries the core. `{name}` marks a value filled in by `t()`.
 */
export const coreEn = {
  'view.moderator': 'Moderator',
  'view.speaker': 'Speaker',
  'view.booth': 'Interpreter booth',
  'view.lower-third': 'Lower third',
  'view.clock': 'Studio clock',
  'view.crew': 'Crew',
  'app.title': 'Rostrum — {view}',
  'app.titleAlerts': '({count}) Rostrum — {view}',
  'room.viewIn': '{view} · {room}',

  'label.current': 'Now',
  'label.next': 'Next',
  'label.remaining': 'Remaining',
  'label.elapsed': 'Elapsed',
  'label.language': 'Language',
  'label.agenda': 'Agenda',
  'label.controls': 'Clock controls',
  'label.displayLanguage': 'Display language',
  'label.connection': 'Connection',

  'speaker.none': '—',
  'speaker.endOfAgenda': 'End of agenda',
  'speaker.noAgenda': 'No agenda loaded',
  'loading': 'Connecting to the server…',

  'button.start': 'Start',
  'button.resume': 'Resume',
  'button.pause': 'Pause',
  'button.next': 'Next',

  'agenda.empty': 'The agenda has no items yet.',
  'agenda.noDuration': 'open',
  'agenda.current': 'on now',
  'agenda.skipped': 'skipped',

  'phase.normal': 'Plenty of time',
  'phase.warning': 'Wrap up soon',
  'phase.danger': 'Time almost up',
  'phase.overtime': 'Over time',

  'status.idle': 'Ready',
  'status.running': 'Running',
  'status.paused': 'Paused',
  'status.ended': 'Ended',

  'link.connecting': 'Connecting…',
  'link.online': 'Connected',
  'link.offline': 'Offline — reconnecting…',
  'link.unauthorized': 'Link not valid — ask for a new one',
  'relay.venueLost': 'Venue link lost',
  'relay.venueLostHint': 'The clock counts on from the last state until the venue is back',

  'error.invalid': 'The request was not valid.',
  'error.unknown-command': 'The server does not know this command.',
  'error.unknown-item': 'That agenda item does not exist.',
  'error.unknown-session': 'That session does not exist.',
  'error.stale-item': 'Someone else already moved on — check the current item.',
  'error.no-current-item': 'There is no current item.',
  'error.item-skipped': 'That item is skipped.',
  'error.item-is-current': 'That item is the current one.',
  'error.nothing-to-recover': 'There is no lost time to recover.',
  'error.unknown-request': 'That booth request does not exist any more.',
  'error.nothing-to-undo': 'There is nothing to undo.',
  'error.edits-not-allowed': 'The moderator has not allowed booths to edit notes.',
  'error.unauthorized': 'This link is not valid any more.',
  'error.forbidden': 'This display may not do that.',
  'error.too-large': 'That is too large.',
  'error.rate-limited': 'Too many requests — wait a moment.',
  'error.not-found': 'Not found.',
  'error.persist-failed': 'The server could not save the change.',
  'error.offline': 'Offline: the command was not sent.',
  'error.timeout': 'The server did not answer in time.',
  'error.internal': 'The server hit an internal error.',
  'error.venue-unavailable': 'The venue is not linked to this relay right now: nothing was sent. Try again in a moment.',
  'error.unknown-display': 'That display is not connected any more.',
  'error.nothing-to-hold': 'No session is waiting to start by itself (or none is held).',
  'error.end-by-item': 'This item, or its session, ends by a time of day: move its end instead of adding time.',

  'timing.startsIn': 'Starts in {time}',
  'timing.boothStartsIn': 'Interpretation starts in {time}',
  'timing.aux.title': 'Timer {id}',
  'speaker.personal.yourTime': 'your time {time}',
  'displays.identify.label': 'This display is',
  'displays.identify.unnamed': 'Unnamed display',
} as const satisfies Record<RequiredKeys, string> & Record<string, Message>;

export const coreZh: Record<keyof typeof coreEn, Message> = {
  'view.moderator': '主持人',
  'view.speaker': '发言人',
  'view.booth': '同传间',
  'view.lower-third': '人名字幕条',
  'view.clock': '演播室时钟',
  'view.crew': '后台',
  'app.title': 'Rostrum — {view}',
  'app.titleAlerts': '（{count}）Rostrum — {view}',
  'room.viewIn': '{view} · {room}',

  'label.current': '当前',
  'label.next': '下一位',
  'label.remaining': '剩余时间',
  'label.elapsed': '已用时间',
  'label.language': '语言',
  'label.agenda': '议程',
  'label.controls': '计时控制',
  'label.displayLanguage': '界面语言',
  'label.connection': '连接',

  'speaker.none': '—',
  'speaker.endOfAgenda': '议程结束',
  'speaker.noAgenda': '尚未加载议程',
  'loading': '正在连接服务器…',

  'button.start': '开始',
  'button.resume': '继续',
  'button.pause': '暂停',
  'button.next': '下一项',

  'agenda.empty': '议程中还没有条目。',
  'agenda.noDuration': '不限时',
  'agenda.current': '进行中',
  'agenda.skipped': '已跳过',

  'phase.normal': '时间充足',
  'phase.warning': '请准备收尾',
  'phase.danger': '时间即将用完',
  'phase.overtime': '已超时',

  'status.idle': '就绪',
  'status.running': '计时中',
  'status.paused': '已暂停',
  'status.ended': '已结束',

  'link.connecting': '正在连接…',
  'link.online': '已连接',
  'link.offline': '离线 — 正在重新连接…',
  'link.unauthorized': '链接无效 — 请索取新链接',
  'relay.venueLost': '会场连接中断',
  'relay.venueLostHint': '会场恢复之前，时钟按最后状态继续计时',

  'error.invalid': '请求无效。',
  'error.unknown-command': '服务器不认识此命令。',
  'error.unknown-item': '该议程条目不存在。',
  'error.unknown-session': '该会议单元不存在。',
  'error.stale-item': '其他人已切换到下一项 — 请核对当前条目。',
  'error.no-current-item': '当前没有条目。',
  'error.item-skipped': '该条目已被跳过。',
  'error.item-is-current': '该条目正在进行中。',
  'error.nothing-to-recover': '没有需要追回的时间。',
  'error.unknown-request': '该同传间请求已不存在。',
  'error.nothing-to-undo': '没有可撤销的操作。',
  'error.edits-not-allowed': '主持人未允许同传间编辑备注。',
  'error.unauthorized': '此链接已失效。',
  'error.forbidden': '此显示端无权执行该操作。',
  'error.too-large': '内容过大。',
  'error.rate-limited': '请求过于频繁 — 请稍候。',
  'error.not-found': '未找到。',
  'error.persist-failed': '服务器无法保存此更改。',
  'error.offline': '离线：命令未发送。',
  'error.timeout': '服务器未及时响应。',
  'error.internal': '服务器内部错误。',
  'error.venue-unavailable': '会场目前未连接到此中继：未发送任何内容。请稍后重试。',
  'error.unknown-display': '该显示端已不再连接。',
  'error.nothing-to-hold': '没有等待自动开始的单元（或没有已暂缓的单元）。',
  'error.end-by-item': '此条目或其所在单元须在固定时刻结束：请改动结束时间，而不是加时。',

  'timing.startsIn': '{time} 后开始',
  'timing.boothStartsIn': '同传 {time} 后开始',
  'timing.aux.title': '计时器 {id}',
  'speaker.personal.yourTime': '您的时间 {time}',
  'displays.identify.label': '此显示端为',
  'displays.identify.unnamed': '未命名的显示端',
};
