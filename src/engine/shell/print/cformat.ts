// C printf conversions the real tools use for numbers, as glibc renders them: "%.Nf" rounds
// the exact binary value to nearest with ties to even (JavaScript's toFixed breaks exact ties
// upwards), "%g" keeps six significant digits and drops trailing zeros, "%*d"-style padding.

/** The exact value of a finite double as numerator / 2^shift (shift >= 0), numerator a BigInt. */
function exact(x: number): { num: bigint; shift: bigint } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n ? -1n : 1n;
  const expBits = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & 0xfffffffffffffn;
  const mant = expBits === 0 ? frac : frac | (1n << 52n);
  const e = expBits === 0 ? -1074 : expBits - 1075;
  if (e >= 0) return { num: sign * (mant << BigInt(e)), shift: 0n };
  return { num: sign * mant, shift: BigInt(-e) };
}

/** printf("%.<digits>f", x) as glibc prints it. */
export function cFixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return String(x);
  const { num, shift } = exact(x);
  const neg = num < 0n;
  const abs = neg ? -num : num;
  // scaled = abs * 10^digits / 2^shift, rounded to nearest, ties to even.
  const scaledNum = abs * 10n ** BigInt(digits);
  const den = 1n << shift;
  let q = scaledNum / den;
  const r = scaledNum - q * den;
  const twice = r * 2n;
  if (twice > den || (twice === den && q % 2n === 1n)) q += 1n;
  let s = q.toString();
  if (digits > 0) {
    s = s.padStart(digits + 1, '0');
    s = `${s.slice(0, s.length - digits)}.${s.slice(s.length - digits)}`;
  }
  return neg ? `-${s}` : s;
}

/** printf("%g", x): six significant digits, trailing zeros removed. */
export function cG(x: number): string {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return String(x);
  const exp = Math.floor(Math.log10(Math.abs(Number(x.toPrecision(6)))));
  if (exp < -4 || exp >= 6) {
    const [m, e] = x.toExponential(5).split('e') as [string, string];
    const mant = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
    const n = Number(e);
    return `${mant}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  const s = cFixed(x, 5 - exp);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** C integer division truncating toward zero, for the tools' integer arithmetic. */
export function idiv(a: number, b: number): number {
  return Math.trunc(a / b);
}
