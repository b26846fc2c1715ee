// The selection slice: who sends, to whom, with which protocol and port. A click picks the
// source, the next one the destination (and its first port), a third one starts over.
import { endpointOf, suggestPort, type Endpoint } from './endpoints';
import type { AppState, GetState, SelectionSlice, SetState } from './types';

/** The port and protocol to show once `dest` is the destination. */
function portFor(s: AppState, dest: Endpoint | null): Pick<AppState, 'port' | 'proto'> {
  if (!dest || !s.cluster) return { port: s.port, proto: s.proto };
  const suggestion = suggestPort(s.cluster, dest);
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
      const el = s.topo.elements.find((e) => e.id === elementId);
      const ep = el && endpointOf(s.topo, el);
      if (!ep) return;
      if (s.source && !s.destination) {
        // The destination is the pod; a clicked container only says which port to suggest.
        const dest: Endpoint = { ...ep, container: undefined };
        set({ destination: dest, ...portFor(s, ep), sendError: null });
        return;
      }
      set({ source: ep, destination: null, sendError: null });
    },
    swap: () => {
      const s = get();
      const source = s.destination && { ...s.destination, container: undefined };
      const destination = s.source && { ...s.source, container: undefined };
      set({ source, destination, ...portFor(s, destination), sendError: null });
    },
    clearSelection: () => set({ source: null, destination: null, sendError: null }),
    setProto: (proto) => set({ proto }),
    setPort: (port) => set({ port }),
  };
}
