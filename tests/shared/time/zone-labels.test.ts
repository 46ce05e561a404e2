import { describe, expect, it } from 'vitest';
import { zoneLabel } from '../../../shared/time/zone-labels';
import { at } from '../../builders';

const NOVEMBER = at('14:00', '2022-11-17');
const JULY = at('14:00', '2022-07-01');

describe('zoneLabel: one name per zone, per language', () => {
  it.each([
    ['Asia/Shanghai', 'en', NOVEMBER, 'Beijing'],
    ['Asia/Shanghai', 'zh', NOVEMBER, '北京'],
    ['Europe/Berlin', 'en', NOVEMBER, 'CET'],
    ['Europe/Berlin', 'zh', NOVEMBER, 'CET'],
    ['Europe/Berlin', 'en', JULY, 'CEST'],
    ['America/New_York', 'en', NOVEMBER, 'EST'],
    ['Asia/Tokyo', 'zh', NOVEMBER, '东京'],
  ] as const)('%s in %s → %s', (zone, lang, when, label) => {
    expect(zoneLabel(zone, lang, when)).toBe(label);
  });

  it('falls back to the IANA name where there is no label', () => {
    expect(zoneLabel('Asia/Kathmandu', 'en', NOVEMBER)).toBe('Asia/Kathmandu');
    expect(zoneLabel('America/Argentina/Salta', 'zh', NOVEMBER)).toBe('America/Argentina/Salta');
  });
});
