// The engine's door: everything outside src/engine imports from here, except the first page's
// few light values, which come through lite.ts (see there); this door passes them on too.
export * from './lite';
export { parseScenario, compile, simulate, topology, topologyOverview, nodeTopology, searchCluster, tablesOf, exec, SEED_MAX } from './guard';
export type { TablesResult } from './guard';
export type { Scenario, ScenarioError, ParseResult, PodSpec, ProxyMode, Addon, CniName } from './model/types';
export type { Cluster, ClusterNode, ClusterPod, CompileResult, CompileError, Netns, Device, Route, OutsideHost } from './cluster/types';
export type { SendSpec, SimResult } from './stack/simulate';
export { EMPTY_STATE } from './stack/state';
export type { DynState } from './stack/state';
export type { Trace, TraceLeg, TraceRun, Exchange, ExchangeKind, ExchangeTuple, Hop, HopKind, PacketView, IcmpView, Verdict, OuterHeader, Payload, DnsPayload, HttpPayload, DataPayload, DnsRecord } from './trace/types';
export { TRACE_VERSION } from './trace/types';
export type { PodCount, Topology, TopoElement, TopoLink, TopoKind } from './topology/topology';
export type { SearchHit, SearchResult } from './topology/search';
export { machineId, deviceId } from './topology/ids';
export { formatScenarioError } from './format/errors';
export { formatTraceText } from './format/trace-text';
export { formatIpAddr, formatIpRoute, formatIpNeigh, formatBridgeFdb } from './format/iproute';
export { cniNetnsName } from './format/names';
export { nodeNetnsId, podNetnsId, outsideNetnsId, GATEWAY_NETNS, INTERNET_SEGMENT } from './cluster/netns';
export { formatConntrack, iptablesRestoreForm, TABLE_IDS } from './format/tables';
export type { TableId, TableText } from './format/tables';
export { applyEdit, applyEdits, CNI_CHOICES, inspectObject, checkLabelKey, checkLabelValue, checkName, checkPort, checkPortName, labelLines, parseLabelLines } from './model/edits';
export type { ContainerView, Inspected, ObjectView } from './model/edits';
export type { ContainerInit, ContainerPortInit, EditOp, EditResult, Labels, NewObject, ObjectKind, ObjectRef, ScenarioEdit, ServicePortInit, ServiceType, TrafficPolicyField } from './model/edits';
export { isBlankScenario } from './model/blank';
export { importKubectl } from './model/import';
export { kindHandout } from './model/handout/kind';
export type { KindHandout, KindHandoutResult } from './model/handout/kind';
export type { MarkedHop } from './format/trace-markdown';
export type { Ignored, ImportReport, ImportResult } from './model/import';
export { ruleWalk } from './study/rule-walk';
export type { RuleWalkPoint } from './study/rule-walk';
export { serviceId, loadBalancerId } from './topology/ids';
export type { ServiceModel, EndpointModel, ServiceEndpoints } from './services/types';
export type { NfStepView } from './trace/types';
export { reachMatrix, reachPods, reachSend, formatTruthTable } from './policy/reach';
export type { ReachMatrix, ReachCell, ReachVerdict, ReachProto, ReachOptions } from './policy/reach';
export type { NetworkPolicySpec } from './model/types';
export { policyViews, policyPanel, enforcementNote } from './policy/view';
export type { PolicyView, PolicyPanel, PolicyPanelItem } from './policy/view';
export { documentText } from './model/documents';
export { HELP as SHELL_HELP } from './shell/exec';
export type { ExecResult } from './shell/exec';
export type { ExecSpec } from './shell/run';
export type { CommandOutput } from './shell/results';
export {
  parseLesson, prepareCheck, judgeCheck, isRunOf, describeRun, runTrace, lessonToYaml, TOPICS, TOPIC_TITLES,
} from './lessons';
export type {
  LessonParse, CheckContext, Lesson, LessonStep, Check, CheckKind, LessonAnswer, ChoiceOption, PreparedCheck, Judgement, CheckProblem, HopRef,
  RunSpec, ScenarioRef, Solution, Highlight, Topic, HopQuery, ValueExpr, OptionsSpec, Expectation,
} from './lessons';
export { routingTables } from './l7/tables';
export type { RoutingTable, RoutingRow } from './l7/tables';
export type { ProxyView, RouteRef } from './trace/types';
export { addAddon } from './model/edit-addons';
