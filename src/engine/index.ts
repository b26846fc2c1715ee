// The engine's one door: everything outside src/engine imports from here.
export { parseScenario } from './model/parse';
export type { Scenario, ScenarioError, ParseResult, PodSpec, ProxyMode } from './model/types';
export { compile } from './cluster/compile';
export type { Cluster, ClusterNode, ClusterPod, CompileResult, CompileError, Netns, Device, Route, OutsideHost } from './cluster/types';
export { simulate } from './stack/simulate';
export type { SendSpec, SimResult } from './stack/simulate';
export { EMPTY_STATE } from './stack/state';
export type { DynState } from './stack/state';
export type { Trace, TraceLeg, Hop, HopKind, PacketView, Verdict, OuterHeader } from './trace/types';
export { DROPS } from './trace/drops';
export { topology } from './topology/topology';
export type { Topology, TopoElement, TopoLink, TopoKind } from './topology/topology';
export { machineId, deviceId, containerId, segmentId } from './topology/ids';
export { formatScenarioError } from './format/errors';
export { formatTraceText } from './format/trace-text';
export { formatIpAddr, formatIpRoute, formatIpNeigh, formatBridgeFdb } from './format/iproute';
export { cniNetnsName } from './format/names';
export { nodeNetnsId, podNetnsId, outsideNetnsId, GATEWAY_NETNS } from './cluster/netns';
