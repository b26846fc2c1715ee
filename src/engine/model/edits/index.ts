// Scenario edits: the typed union, the one function that applies it, and what the UI needs
// to offer them (the CNI choices, validation of what a learner types).
export { applyEdit, applyEdits } from './apply';
export { CNI_CHOICES } from './cluster';
export { inspectObject, type ContainerView, type Inspected, type ObjectView } from './inspect';
export { checkLabelKey, checkLabelValue, checkName, checkPort, checkPortName, labelLines, parseLabelLines } from './validate';
export { refText } from './types';
export type { ContainerInit, ContainerPortInit, EditOp, EditResult, Labels, NewObject, ObjectKind, ObjectRef, ScenarioEdit, ServicePortInit, ServiceType, TrafficPolicyField } from './types';
