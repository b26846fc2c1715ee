// Hand-written EndpointSlices as pkg/apis/discovery/validation checks them: at most 1,000
// endpoints and 20,000 ports, each endpoint's addresses valid IPv4 that ValidateEndpointIP
// allows (not 0.0.0.0, not loopback, not link-local, not link-local multicast), port names
// unique.
import type { EndpointSliceDoc } from '../schemas';
import { endpointIpErrors, parseStrictIPv4 } from './addresses';
import { duplicate, invalid, tooMany } from './field-errors';
import { LIMITS } from './limits';
import type { CheckContext } from './context';

export function checkEndpointSlices(ctx: CheckContext): void {
  for (const m of ctx.scenario.endpointSlices) {
    const doc = m.body as unknown as EndpointSliceDoc;
    const w = { doc: m.source.doc, line: m.source.line, fields: m.source.fields, object: `EndpointSlice ${m.namespace}/${m.name}` };
    if (doc.endpoints.length > LIMITS.sliceEndpoints) { ctx.out.error(w, 'endpoints', tooMany(doc.endpoints.length, LIMITS.sliceEndpoints)); continue; }
    if (doc.ports.length > LIMITS.slicePorts) { ctx.out.error(w, 'ports', tooMany(doc.ports.length, LIMITS.slicePorts)); continue; }
    doc.endpoints.forEach((e, i) => {
      if (e.addresses.length > 100) ctx.out.error(w, `endpoints[${i}].addresses`, tooMany(e.addresses.length, 100));
      e.addresses.forEach((a, j) => {
        if (parseStrictIPv4(a) === undefined) return; // the schema said why
        for (const msg of endpointIpErrors(a)) ctx.out.error(w, `endpoints[${i}].addresses[${j}]`, invalid(a, msg));
      });
    });
    const names = new Set<string>();
    doc.ports.forEach((p, i) => {
      const name = p.name ?? '';
      if (names.has(name)) ctx.out.error(w, `ports[${i}].name`, duplicate(name));
      names.add(name);
    });
  }
}
