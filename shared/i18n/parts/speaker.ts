/**
 * Strings of the speaker part of the UI, English and Chinese side by side. Keys are prefixed
 * with the part's name; the type makes a key missing from either language a compile error.
 *
 * The phase and status words are read at a glance from the lectern: short, in capitals in English.
 */
export const speakerEn = {
  'speaker.phase.warning': 'WRAP UP',
  'speaker.phase.danger': 'FINAL {time}',
  'speaker.phase.overtime': 'TIME UP',
  'speaker.status.idle': 'NOT STARTED',
  'speaker.status.paused': 'PAUSED',
  'speaker.status.ended': 'ENDED',
  'speaker.status.countsUp': 'COUNTING UP',
  'speaker.timeOfDay': 'Time of day',
  'speaker.progress': 'Share of the time left',
  'speaker.message': 'Message from the moderator',
  'speaker.blanked': 'Screen blanked by the moderator',
  'speaker.lang.auto': 'Auto',
  'speaker.lang.autoHint': "Follow the current speaker's language",
  'speaker.fullscreenHint': 'Double-click or press F for full screen',
  'speaker.personal.before': 'You are on in {minutes} min',
  'speaker.personal.beforeHours': 'You are on in {hours} h {minutes} min',
  'speaker.personal.due': 'You are on shortly',
  'speaker.personal.yourTime': 'your time {time}',
  'speaker.personal.after': 'Thank you',
  'speaker.personal.unknown': 'This link names an item that is not on the agenda',
} as const satisfies Record<string, string>;

export const speakerZh: Record<keyof typeof speakerEn, string> = {
  'speaker.phase.warning': '请收尾',
  'speaker.phase.danger': '最后 {time}',
  'speaker.phase.overtime': '时间到',
  'speaker.status.idle': '未开始',
  'speaker.status.paused': '已暂停',
  'speaker.status.ended': '已结束',
  'speaker.status.countsUp': '正计时',
  'speaker.timeOfDay': '当前时间',
  'speaker.progress': '剩余时间比例',
  'speaker.message': '主持人消息',
  'speaker.blanked': '屏幕已由主持人关闭',
  'speaker.lang.auto': '自动',
  'speaker.lang.autoHint': '跟随当前发言人的语言',
  'speaker.fullscreenHint': '双击或按 F 键全屏',
  'speaker.personal.before': '{minutes} 分钟后轮到您发言',
  'speaker.personal.beforeHours': '{hours} 小时 {minutes} 分钟后轮到您发言',
  'speaker.personal.due': '即将轮到您发言',
  'speaker.personal.yourTime': '您的时间 {time}',
  'speaker.personal.after': '谢谢',
  'speaker.personal.unknown': '此链接指向的议程项不在议程中',
};
