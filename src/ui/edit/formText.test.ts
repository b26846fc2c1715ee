// The inspector's port lines: read, checked and written back.
import { describe, expect, it } from 'vitest';
import { containerPortsText, parseContainerPorts, parseServicePorts, servicePortsText } from './formText';

describe('port lines', () => {
  it('reads container ports with optional protocol and name, and writes them back', () => {
    const out = parseContainerPorts('80 http\n\n53/udp dns\n9102');
    expect(out).toEqual({ value: [{ containerPort: 80, name: 'http' }, { containerPort: 53, name: 'dns', protocol: 'UDP' }, { containerPort: 9102 }], errors: [] });
    expect(containerPortsText(out.value)).toBe('80 http\n53/UDP dns\n9102');
  });

  it('says which container port line is wrong and why', () => {
    expect(parseContainerPorts('eighty\n70000\n80/XTP\n80 HTTP!').errors).toEqual([
      'line 1: write a port as 8080, 8080/UDP or 8080/TCP http',
      'line 2: a port is a number from 1 to 65535',
      'line 3: the protocol is TCP, UDP or SCTP',
      'line 4: a port name is an IANA service name: at most 15 lower-case letters, digits and "-", with at least one letter',
    ]);
  });

  it('reads Service ports with name, target, protocol and node port, and writes them back', () => {
    const out = parseServicePorts('http 80 -> http nodePort 30080\ndns 53/UDP → 53\n8443');
    expect(out).toEqual({ value: [
      { name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }, { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 }, { port: 8443 },
    ], errors: [] });
    expect(servicePortsText(out.value)).toBe('http 80 -> http nodePort 30080\ndns 53/UDP -> 53\n8443');
    expect(parseServicePorts('http 80 -> 0').errors).toEqual(['line 1: a targetPort is a number from 1 to 65535']);
  });
});
