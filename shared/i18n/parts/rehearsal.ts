/**
 * Strings added for the fixes from the rehearsal (issue 13): pinned speaker messages, the message
 * length counter, what an undone recovery kept, the session pull-forward setting and the rehearsal
 * note. Kept in their own part so that they merge cleanly beside parallel edits to the others.
 */
export const rehearsalEn = {
  'moderator.messages.keep': 'Keep across speakers',
  'moderator.messages.keepHint': 'Off: the message clears when the clock moves to another item.',
  'moderator.messages.pinned': 'kept across speakers',
  'moderator.messages.count': '{count} / {max}',
  'moderator.messages.tooLong': '{over} characters too long (at most {max})',
  'moderator.recovery.kept': 'Undone. Kept your later edits to: {items}.',
  'moderator.recovery.undone': 'Recovery undone.',
  'moderator.settings.pullForward': 'Sessions may start early',
  'moderator.settings.pullForwardHint':
    'On: a session may start as soon as the previous one ends. Off: it waits for its planned start.',
  'moderator.rehearsal.shifted': 'Rehearsal: times shifted',
  'moderator.rehearsal.shiftedHint': 'Started on {date}, not on the event date ({eventDate}): planned times are shifted to that day.',
} as const satisfies Record<string, string>;

export const rehearsalZh: Record<keyof typeof rehearsalEn, string> = {
  'moderator.messages.keep': '切换发言人后保留',
  'moderator.messages.keepHint': '不勾选：计时切换到其他条目时，提示自动清除。',
  'moderator.messages.pinned': '切换发言人后保留',
  'moderator.messages.count': '{count} / {max}',
  'moderator.messages.tooLong': '超出 {over} 个字符（最多 {max} 个）',
  'moderator.recovery.kept': '已撤销。保留了您之后对以下条目的修改：{items}。',
  'moderator.recovery.undone': '已撤销追时方案。',
  'moderator.settings.pullForward': '会议单元可提前开始',
  'moderator.settings.pullForwardHint': '开启：上一单元结束后，下一单元即可开始。关闭：等到计划开始时间。',
  'moderator.rehearsal.shifted': '彩排：时间已平移',
  'moderator.rehearsal.shiftedHint': '于 {date} 开始，而非活动日期（{eventDate}）：计划时间已平移到当天。',
};
