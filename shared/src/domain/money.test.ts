import { describe, expect, it } from 'vitest';
import { majorUnits, minorUnits } from './money.js';

describe('amounts typed and exported', () => {
  it('reads what people type into minor units, by the currency’s decimals', () => {
    expect(minorUnits('1234.5', 'EUR')).toBe(123_450);
    expect(minorUnits(' 1,234.50 ', 'USD')).toBe(123_450);
    expect(minorUnits('1,234,567', 'GBP')).toBe(123_456_700);
    expect(minorUnits('1500', 'JPY')).toBe(1500);
    expect(minorUnits('0.5', 'EUR')).toBe(50);
  });

  it('refuses what it could misread rather than guessing', () => {
    expect(minorUnits('1234,5', 'EUR')).toBeNull();
    expect(minorUnits('1.234', 'EUR')).toBeNull();
    expect(minorUnits('15.5', 'JPY')).toBeNull();
    expect(minorUnits('-5', 'EUR')).toBeNull();
    expect(minorUnits('', 'EUR')).toBeNull();
    expect(minorUnits('1e6', 'EUR')).toBeNull();
  });

  it('writes minor units back in the major unit', () => {
    expect(majorUnits(123_456, 'EUR')).toBe(1234.56);
    expect(majorUnits(1500, 'JPY')).toBe(1500);
    expect(majorUnits(null, 'EUR')).toBeNull();
  });
});
