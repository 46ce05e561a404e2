/**
 * Strings of automatic timing (scheduled start, end by, auto-advance, extra timers), English and
 * Chinese side by side; the type makes a key missing from either language a compile error.
 */
export const timingEn = {
  'timing.startsIn': 'Starts in {time}',
  'timing.boothStartsIn': 'Interpretation starts in {time}',
  'timing.startsAt': 'Starts by itself at {time}',
  'timing.held': 'Automatic start held',
  'timing.hold': 'Hold start',
  'timing.holdHint': 'Cancel the automatic start of {session} (H)',
  'timing.release': 'Start by itself',
  'timing.releaseHint': 'Let {session} start by itself at {time} again (H)',
  'timing.endsBy': 'Ends by {time}',
  'timing.autoAdvance': 'Next item after {grace}',
  'timing.roll': 'Follows the plan',
  'timing.automatic': 'automatic',
  'timing.aux.title': 'Timer {id}',
  'timing.aux.start': 'Start',
  'timing.aux.pause': 'Pause',
  'timing.aux.reset': 'Reset',
  'timing.key.hold': 'Hold or release the next session\'s automatic start',
} as const satisfies Record<string, string>;

export const timingZh: Record<keyof typeof timingEn, string> = {
  'timing.startsIn': '{time} 后开始',
  'timing.boothStartsIn': '同传 {time} 后开始',
  'timing.startsAt': '将于 {time} 自动开始',
  'timing.held': '已暂缓自动开始',
  'timing.hold': '暂缓开始',
  'timing.holdHint': '取消 {session} 的自动开始（H）',
  'timing.release': '自动开始',
  'timing.releaseHint': '让 {session} 于 {time} 重新自动开始（H）',
  'timing.endsBy': '{time} 前结束',
  'timing.autoAdvance': '{grace} 后切换到下一项',
  'timing.roll': '按计划推进',
  'timing.automatic': '自动',
  'timing.aux.title': '计时器 {id}',
  'timing.aux.start': '开始',
  'timing.aux.pause': '暂停',
  'timing.aux.reset': '重置',
  'timing.key.hold': '暂缓或恢复下一单元的自动开始',
};
