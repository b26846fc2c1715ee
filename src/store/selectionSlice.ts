// The selection slice: what clicks on the graph choose. Usually the first click picks the
// source, the next one the destination (and its first port), a third one starts over. A
// Service or load balancer only receives: clicking one makes it the destination at once,
// and the next click on something that can send picks the source.
import { endpointOf, suggestPort, type Endpoint } from './endpoints';
import { elementById } from './topoIndex';
import type { AppState, GetState, SelectionSlice, SetState } from './types';

/** The port and protocol to show once `dest` is the destination. */
function portFor(s: AppState, dest: Endpoint | null): Pick<AppState, 'port' | 'proto'> {
  if (!dest) return { port: s.port, proto: s.proto };
  const suggestion = suggestPort(s.topo, dest);
  if (!suggestion) return { port: s.port, proto: s.proto };
  return { port: suggestion.port, proto: s.proto === 'icmp' ? 'icmp' : suggestion.proto };
}

export function createSelectionSlice(set: SetState, get: GetState): SelectionSlice {
  return {
    source: null,
    destination: null,
    proto: 'tcp',
    port: null,
    pick: (elementId) => {
      const s = get();
      const el = elementById(s.topo).get(elementId);
      const ep = el && endpointOf(s.topo, el);
      if (!ep) return;
      if (ep.receiveOnly) {
        set({ destination: ep, ...portFor(s, ep), sendError: null });
        return;
      }
      if (s.source && !s.destination) {
        // The destination is the pod; a clicked container only says which port to suggest.
        const dest: Endpoint = { ...ep, container: undefined };
        set({ destination: dest, ...portFor(s, ep), sendError: null });
        return;
      }
      if (!s.source && s.destination) {
        set({ source: ep, sendError: null });
        return;
      }
      set({ source: ep, destination: null, sendError: null });
    },
    swap: () => {
      const s = get();
      if (s.destination?.receiveOnly) {
        set({ sendError: `${s.destination.name} cannot be the source: a Service has no sockets of its own, it only receives` });
        return;
      }
      const source = s.destination && { ...s.destination, container: undefined };
      const destination = s.source && { ...s.source, container: undefined };
      set({ source, destination, ...portFor(s, destination), sendError: null });
    },
    clearSelection: () => set({ source: null, destination: null, sendError: null }),
    setProto: (proto) => set({ proto }),
    setPort: (port) => set({ port }),
    size: null,
    df: false,
    setSize: (size) => set({ size }),
    setDf: (df) => set({ df }),
  };
}
