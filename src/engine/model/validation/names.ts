// Names as the API server checks them, with its messages (k8s.io/apimachinery
// pkg/api/validate/content/dns.go and pkg/util/validation/validation.go): RFC 1123 labels
// and subdomains, RFC 1035 labels, IANA service (port) names. Lengths are Go's len(), in
// UTF-8 bytes. Which rule a kind's metadata.name follows is in NAME_RULES (pkg/apis/core,
// apps, discovery and networking validation: ValidatePodName is NameIsDNSSubdomain,
// ValidateServiceName NameIsDNS1035Label, ValidateNamespaceName NameIsDNSLabel, ...).
export type NameRule = (value: string) => string[];

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

export const maxLenError = (n: number) => `must be no more than ${n} bytes`;

export function regexError(msg: string, re: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${re}')`;
  // As Go's RegexError builds it, double space before "or" included.
  let out = `${msg} (e.g. `;
  examples.forEach((e, i) => { out += `${i > 0 ? ' or ' : ''}'${e}', `; });
  return `${out}regex used for validation is '${re}')`;
}

const LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const SUBDOMAIN_FMT = `${LABEL_FMT}(\\.${LABEL_FMT})*`;
const DNS1035_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const LABEL_RE = new RegExp(`^${LABEL_FMT}$`);
const SUBDOMAIN_RE = new RegExp(`^${SUBDOMAIN_FMT}$`);
const DNS1035_RE = new RegExp(`^${DNS1035_FMT}$`);

export function dns1123Label(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > 63) errs.push(maxLenError(63));
  if (!LABEL_RE.test(value)) {
    errs.push(SUBDOMAIN_RE.test(value) ? 'must not contain dots'
      : regexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character", LABEL_FMT, 'my-name', '123-abc'));
  }
  return errs;
}

export function dns1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > 253) errs.push(maxLenError(253));
  if (!SUBDOMAIN_RE.test(value)) {
    errs.push(regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character", SUBDOMAIN_FMT, 'example.com'));
  }
  return errs;
}

export function dns1035Label(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > 63) errs.push(maxLenError(63));
  if (!DNS1035_RE.test(value)) {
    errs.push(regexError("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character", DNS1035_FMT, 'my-name', 'abc-123'));
  }
  return errs;
}

/** IsValidPortName: an IANA service name (container port names, named targetPorts). */
export function portName(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(value)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(value)) errs.push('must contain at least one letter (a-z)');
  if (value.includes('--')) errs.push('must not contain consecutive hyphens');
  if (value.startsWith('-') || value.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** The rule each kind's metadata.name follows. */
export const NAME_RULES: Readonly<Record<string, NameRule>> = {
  Namespace: dns1123Label,
  Service: dns1035Label,
  Pod: dns1123Subdomain,
  Deployment: dns1123Subdomain,
  DaemonSet: dns1123Subdomain,
  StatefulSet: dns1123Subdomain,
  ReplicaSet: dns1123Subdomain,
  EndpointSlice: dns1123Subdomain,
  ConfigMap: dns1123Subdomain,
  Secret: dns1123Subdomain,
  ServiceAccount: dns1123Subdomain,
  Ingress: dns1123Subdomain,
  IngressClass: dns1123Subdomain,
  NetworkPolicy: dns1123Subdomain,
};
