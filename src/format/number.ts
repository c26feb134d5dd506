// Numbers for people, in full: String(n) switches to exponent notation below
// 1e-6 and from 1e21 up ("1e-7", "5e-324", "1e+21"), which reads as a
// different number once digits are grouped ("1e7", "5e,324").

/** `n` in plain decimal notation, every digit written out: 1e-7 -> "0.0000001", 1e21 -> "1000000000000000000000". */
export function plainNumber(n: number): string {
  const text = String(n);
  const e = text.indexOf('e');
  if (e < 0) return text; // also NaN and Infinity, which have no digits to write out
  const sign = text.startsWith('-') ? '-' : '';
  const mantissa = text.slice(sign.length, e);
  const exponent = Number(text.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  // Where the decimal point falls, counted in digits from the left.
  const point = (dot < 0 ? mantissa.length : dot) + exponent;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** 3370000000000 -> "3,370,000,000,000", 0.0000001 -> "0.0000001": commas in the whole part only. By hand, as toLocaleString() first loads ICU (~20 ms). */
export function groupThousands(n: number): string {
  const [whole = '', fraction] = plainNumber(n).split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.replace('-', '').replace(/\B(?=(\d{3})+$)/g, ',');
  return `${sign}${digits}${fraction ? `.${fraction}` : ''}`;
}
