import { describe, expect, it } from 'vitest';
import { groupThousands, plainNumber } from '../../src/format/number.js';

describe('plainNumber: every digit, never an exponent', () => {
  it.each([
    [1e-7, '0.0000001'],
    [1.5e-7, '0.00000015'],
    [-1.23e-10, '-0.000000000123'],
    [5e-324, `0.${'0'.repeat(323)}5`],
    [1e21, '1000000000000000000000'],
    [2.5e21, '2500000000000000000000'],
    [-1e21, '-1000000000000000000000'],
    [1.7976931348623157e308, `17976931348623157${'0'.repeat(292)}`],
    [1e20, '100000000000000000000'],
    [3370000000000, '3370000000000'],
    [123.456, '123.456'],
    [0, '0'],
    [-0, '0'],
  ])('%d -> %s', (n, text) => {
    expect(plainNumber(n)).toBe(text);
    expect(Number(plainNumber(n))).toBe(n === 0 ? 0 : n);
  });
});

describe('groupThousands: commas in the whole part only', () => {
  it.each([
    [1e-7, '0.0000001'],
    [5e-324, `0.${'0'.repeat(323)}5`],
    [1e21, '1,000,000,000,000,000,000,000'],
    [-1.5e21, '-1,500,000,000,000,000,000,000'],
    [1234.000001, '1,234.000001'],
  ])('%d -> %s', (n, text) => expect(groupThousands(n)).toBe(text));
});
