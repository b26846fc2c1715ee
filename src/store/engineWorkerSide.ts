// What a worker running the engine needs from the store: the host and the message types.
export { createEngineHost, type EngineHost } from './engineHost';
export type { EngineAnswer, EngineRequest } from './engineProtocol';
