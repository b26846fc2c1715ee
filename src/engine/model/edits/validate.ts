// Checks of what a learner types into the inspector, as the API server checks the same
// fields (k8s.io/apimachinery/pkg/util/validation): label keys (an optional DNS subdomain
// prefix and a name of at most 63 characters), label values, object names (DNS-1123 labels
// for Services and namespaces, subdomains for pods and workloads), container and port names,
// port numbers. Each returns null when the value is good, else the API's complaint in plain
// words. Pure and small, so the form can run them on every keystroke.

const QUALIFIED = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const IANA = /^(?=.*[a-z])[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function checkLabelKey(key: string): string | null {
  if (key === '') return 'a label needs a key';
  const slash = key.lastIndexOf('/');
  const [prefix, name] = slash >= 0 ? [key.slice(0, slash), key.slice(slash + 1)] : [null, key];
  if (prefix !== null && (prefix.length > 253 || !SUBDOMAIN.test(prefix))) return `the prefix "${prefix}" must be a DNS subdomain: lower-case letters, digits, "-" and "."`;
  if (name.length > 63) return 'the name part of a key is at most 63 characters';
  if (!QUALIFIED.test(name)) return 'a key\'s name is letters, digits, "-", "_" and ".", starting and ending with a letter or digit';
  return null;
}

export function checkLabelValue(value: string): string | null {
  if (value === '') return null;
  if (value.length > 63) return 'a label value is at most 63 characters';
  if (!QUALIFIED.test(value)) return 'a label value is letters, digits, "-", "_" and ".", starting and ending with a letter or digit (or empty)';
  return null;
}

/** Object names: DNS-1123 labels (Services, Namespaces, containers) or subdomains (pods, workloads). */
export function checkName(name: string, kind: 'label' | 'subdomain' = 'subdomain'): string | null {
  if (name === '') return 'a name is needed';
  if (kind === 'label') return name.length <= 63 && LABEL.test(name) ? null : 'a DNS-1123 label: at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit';
  return name.length <= 253 && SUBDOMAIN.test(name) ? null : 'a DNS-1123 subdomain: lower-case letters, digits, "-" and ".", starting and ending with a letter or digit';
}

/** Port names (container ports, Service ports, named targetPorts): IANA service names. */
export function checkPortName(name: string): string | null {
  if (name === '') return null;
  return name.length <= 15 && IANA.test(name) ? null : 'a port name is an IANA service name: at most 15 lower-case letters, digits and "-", with at least one letter';
}

export function checkPort(text: string, what = 'a port'): string | null {
  if (!/^\d+$/.test(text)) return `${what} is a number from 1 to 65535`;
  const n = Number(text);
  return n >= 1 && n <= 65535 ? null : `${what} is a number from 1 to 65535`;
}

/** Labels written one per line as key=value (what the inspector's box holds). */
export function parseLabelLines(text: string): { labels: Record<string, string>; errors: string[] } {
  const labels: Record<string, string> = {};
  const errors: string[] = [];
  text.split('\n').map((l) => l.trim()).filter((l) => l !== '').forEach((line, i) => {
    const eq = line.indexOf('=');
    const key = (eq < 0 ? line : line.slice(0, eq)).trim();
    const value = eq < 0 ? '' : line.slice(eq + 1).trim();
    const bad = checkLabelKey(key) ?? checkLabelValue(value);
    if (bad) errors.push(`line ${i + 1} (${line}): ${bad}`);
    else if (key in labels) errors.push(`line ${i + 1}: the key ${key} appears twice`);
    else labels[key] = value;
  });
  return { labels, errors };
}

export const labelLines = (labels: Readonly<Record<string, string>>): string => Object.entries(labels).map(([k, v]) => `${k}=${v}`).join('\n');
