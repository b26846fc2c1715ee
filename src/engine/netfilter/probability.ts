// xt_statistic's random mode. libxt_statistic stores `--probability p` as the u32
// lround(p * 2^31); the kernel matches when (prandom & 0x7FFFFFFF) < that value; iptables-save
// prints it back as printf("%.11f", v / 2^31). So kube-proxy's 0.3333333333 reads back as
// 0.33333333349.

const TWO_31 = 0x80000000;

export function probabilityToU32(p: number): number {
  return Math.round(TWO_31 * p);
}

/** The kernel's test for one random draw r in [0, 2^31). */
export function statisticMatches(probabilityU32: number, r: number): boolean {
  return (r & 0x7fffffff) < probabilityU32;
}

/** printf("%.11f", v / 2^31), computed exactly (glibc rounds the exact value, ties to even). */
export function probabilitySaveText(u32: number): string {
  const den = BigInt(TWO_31);
  const num = BigInt(u32) * 10n ** 11n;
  let q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && q % 2n === 1n)) q += 1n;
  const digits = q.toString().padStart(12, '0');
  return `${digits.slice(0, -11)}.${digits.slice(-11)}`;
}
