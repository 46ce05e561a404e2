import type { Catalogue } from './en';
import { moderatorZh } from './parts/moderator';
import { speakerZh } from './parts/speaker';
import { boothZh } from './parts/booth';
import { audioZh } from './parts/audio';
import { agendaIoZh } from './parts/agenda-io';
import { networkZh } from './parts/network';
import { oscZh } from './parts/osc';
import { outputsZh } from './parts/outputs';
import { rehearsalZh } from './parts/rehearsal';
import { displaysZh } from './parts/displays';
import { automationZh } from './parts/automation';
import { roomsZh } from './parts/rooms';
import { timingZh } from './parts/timing';
import type { moderatorEn } from './parts/moderator';
import type { speakerEn } from './parts/speaker';
import type { boothEn } from './parts/booth';
import type { audioEn } from './parts/audio';
import type { agendaIoEn } from './parts/agenda-io';
import type { networkEn } from './parts/network';
import type { oscEn } from './parts/osc';
import type { rehearsalEn } from './parts/rehearsal';
import type { displaysEn } from './parts/displays';
import type { automationEn } from './parts/automation';
import type { outputsEn } from './parts/outputs';
import type { roomsEn } from './parts/rooms';
import type { timingEn } from './parts/timing';

type PartKeys = keyof typeof moderatorEn | keyof typeof speakerEn | keyof typeof boothEn | keyof typeof audioEn | keyof typeof agendaIoEn | keyof typeof networkEn | keyof typeof oscEn | keyof typeof rehearsalEn | keyof typeof displaysEn | keyof typeof automationEn | keyof typeof outputsEn | keyof typeof roomsEn | keyof typeof timingEn;

/** 简体中文 catalogue. The type makes a missing or misspelt key a compile error. */
const baseZh: Omit<Catalogue, PartKeys> = {
  'view.moderator': '主持人',
  'view.speaker': '发言人',
  'view.booth': '同传间',
  'app.title': 'Rostrum — {view}',
  'app.titleAlerts': '（{count}）Rostrum — {view}',

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
};

export const zh: Catalogue = { ...baseZh, ...moderatorZh, ...speakerZh, ...boothZh, ...audioZh, ...agendaIoZh, ...networkZh, ...oscZh, ...rehearsalZh, ...displaysZh, ...automationZh, ...outputsZh, ...roomsZh, ...timingZh };
