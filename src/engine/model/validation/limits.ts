// The sizes podpath accepts, each chosen to cover the Kubernetes scalability envelope
// (kubernetes.io/docs/setup/best-practices/cluster-large: at most 5,000 nodes, 150,000 pods
// and 300,000 containers; sig-scalability's thresholds: 10,000 Services) while keeping memory
// and time bounded in a browser tab. Going over one is a located error, never a crash.

export const LIMITS = {
  /**
   * kind nodes in the Cluster document: twice the envelope's 5,000, since topology() and
   * compile() are linear in the nodes (a 10,000-node topology takes ~22 MB).
   */
  nodes: 10_000,
  /** Pods after Deployments are expanded, kind's CoreDNS included. */
  pods: 150_000,
  /** Containers over all pods. */
  containers: 300_000,
  /** Services, the built-in ones included. */
  services: 10_000,
  /**
   * The scenario text in UTF-8 bytes. The YAML library reads about 2 MB a second on this
   * hardware, so 1 MiB keeps a parse under a second; a 10,000-Service scenario in flow style
   * fits.
   */
  textBytes: 1_048_576,
  /** YAML values after aliases are expanded (a "billion laughs" document stops here). */
  yamlNodes: 1_000_000,
  /**
   * Nesting of mappings and sequences. go-yaml stops at 10,000; the YAML library here runs out
   * of stack near 1,000; no manifest comes near 100 (a Deployment's deepest fields are ~15 down).
   */
  yamlDepth: 100,
  /** kube-apiserver's limits on an EndpointSlice (pkg/apis/discovery/validation: maxEndpoints, maxPorts). */
  sliceEndpoints: 1_000,
  slicePorts: 20_000,
  /** The total size of a manifest's annotations (apimachinery's TotalAnnotationSizeLimitB, 256 KiB). */
  annotationBytes: 262_144,
} as const;

/** "1,048,576" */
export const count = (n: number): string => n.toLocaleString('en-US');
