/**
 * Strings of the audio part of the UI, English and Chinese side by side. Keys are prefixed
 * with the part's name; the type makes a key missing from either language a compile error.
 */
export const audioEn = {
  'audio.state.on': 'Sound on',
  'audio.state.off': 'Sound off',
  'audio.state.blocked': 'Click to enable sound',
  'audio.state.unavailable': 'No sound on this device',
  'audio.hint.on': 'Cues sound at wrap-up, the final seconds and time up. Click to mute this display.',
  'audio.hint.off': 'Click to play sound cues on this display.',
  'audio.hint.blocked': 'The browser holds sound until you click on the page. Click to enable it.',
  'audio.hint.unavailable': 'This device cannot play the cues. Click to switch sound off.',
} as const satisfies Record<string, string>;

export const audioZh: Record<keyof typeof audioEn, string> = {
  'audio.state.on': '声音：开',
  'audio.state.off': '声音：关',
  'audio.state.blocked': '点击启用声音',
  'audio.state.unavailable': '此设备无法播放声音',
  'audio.hint.on': '进入收尾、最后阶段和时间到时播放提示音。点击可关闭本显示端的声音。',
  'audio.hint.off': '点击在本显示端播放提示音。',
  'audio.hint.blocked': '浏览器在您点击页面之前不会播放声音。点击即可启用。',
  'audio.hint.unavailable': '此设备无法播放提示音。点击关闭声音。',
};
