// The engine's second door, for the code of the first page (the store and the always-drawn UI):
// the few pure values it needs, each from a module that imports nothing heavy — no scenario
// parser, no YAML, no schemas, no walk. Everything else comes through index.ts, in the engine
// worker or in a chunk loaded on demand; a value imported from index.ts by the first page
// pulls the whole engine into it (the bundler follows every module the barrel imports).
// lite.test.ts keeps this file's imports light.
export { containerId, segmentId, tunnelPeerId } from './topology/ids';
export { NODE_SEGMENT } from './cluster/segments';
export { DROPS } from './trace/drops';
export { CNI_NAMES } from './model/cni-names';
export { RULE_WALK_SIZES } from './study/sizes';
export { COMMANDS as SHELL_COMMANDS } from './shell/commands';
export { refText } from './model/edits/types';
export { formatTraceMarkdown, runText } from './format/trace-markdown';
export { applySolution, sameScenarioRef, scenarioAt } from './lessons/lesson';
