// Short texts drawn on graph elements, taken from the topology's details.

/** "80/TCP (http)", "53/TCP (dns)" -> "80/TCP +1": the first port, and how many more. */
export function portsText(details: readonly string[]): string {
  if (details.length === 0) return 'no ports';
  const first = details[0]!.replace(/ \(.*\)$/, '');
  return details.length > 1 ? `${first} +${details.length - 1}` : first;
}

/** The first address with its prefix ("10.244.1.1/24") among an interface's details. */
export function addressOf(details: readonly string[]): string | undefined {
  return details.find((d) => /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(d));
}
