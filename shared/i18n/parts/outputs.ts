/**
 * Strings of the outputs of #19 (docs/outputs.md): the stream's lower third, the studio clock, the
 * crew's phone page and the audience screen's additions. English and Chinese side by side; the type
 * makes a key missing from either language a compile error.
 */
export const outputsEn = {
  'lowerThird.label': 'Now speaking',

  'clock.zones': 'Time of day',
  'clock.remaining': 'Remaining',

  'crew.title': 'Backstage',
  'crew.now': 'Now',
  'crew.next': 'Next',
  'crew.onsite': 'On site',
  'crew.online': 'Online',
  'crew.notes': 'Notes',
  'crew.notesNone': 'No notes',
  'crew.rundown': 'Rundown',
  'crew.requests': 'Booth requests',
  'crew.requestsNone': 'No open requests',
  'crew.request.slow-down': 'Slow down',
  'crew.request.no-audio': 'No sound / bad audio',
  'crew.request.need-text': 'Need the text',
  'crew.request.text': 'Message',
  'crew.drift.late': '{minutes} min late',
  'crew.drift.early': '{minutes} min early',
  'crew.drift.onTime': 'On time',
  'crew.skipped': 'skipped',
  'crew.nothing': 'Nothing on now',

  'audience.runningLate': 'The programme is running about {minutes} min late',
  'audience.remaining': 'Remaining',

  'moderator.outputs.title': 'Outputs',
  'moderator.outputs.lowerThird': 'Lower third',
  'moderator.outputs.onAir': 'On air',
  'moderator.outputs.offAir': 'Off',
  'moderator.outputs.show': 'Show',
  'moderator.outputs.hide': 'Hide',
  'moderator.outputs.hold': 'Stays (s)',
  'moderator.outputs.holdHint': 'Seconds the lower third stays after an item starts or Show; 0: until Hide',
  'moderator.outputs.showsLate': 'Audience screens may say the programme runs late',
  'moderator.action.lowerThird': 'Lower third',
  'moderator.action.outputs': 'Output settings',
} as const;

export const outputsZh: Record<keyof typeof outputsEn, string> = {
  'lowerThird.label': '正在发言',

  'clock.zones': '时间',
  'clock.remaining': '剩余时间',

  'crew.title': '后台',
  'crew.now': '当前',
  'crew.next': '下一位',
  'crew.onsite': '现场',
  'crew.online': '线上',
  'crew.notes': '备注',
  'crew.notesNone': '无备注',
  'crew.rundown': '流程',
  'crew.requests': '同传间请求',
  'crew.requestsNone': '暂无未处理请求',
  'crew.request.slow-down': '请放慢语速',
  'crew.request.no-audio': '无声音 / 音质差',
  'crew.request.need-text': '需要讲稿',
  'crew.request.text': '留言',
  'crew.drift.late': '晚 {minutes} 分钟',
  'crew.drift.early': '早 {minutes} 分钟',
  'crew.drift.onTime': '准时',
  'crew.skipped': '已跳过',
  'crew.nothing': '当前无议程',

  'audience.runningLate': '议程目前约推迟 {minutes} 分钟',
  'audience.remaining': '剩余时间',

  'moderator.outputs.title': '输出',
  'moderator.outputs.lowerThird': '人名字幕条',
  'moderator.outputs.onAir': '播出中',
  'moderator.outputs.offAir': '未显示',
  'moderator.outputs.show': '显示',
  'moderator.outputs.hide': '隐藏',
  'moderator.outputs.hold': '停留（秒）',
  'moderator.outputs.holdHint': '议程项开始或点击“显示”后字幕条停留的秒数；0：直到点击“隐藏”',
  'moderator.outputs.showsLate': '观众屏幕可显示议程推迟',
  'moderator.action.lowerThird': '人名字幕条',
  'moderator.action.outputs': '输出设置',
};
