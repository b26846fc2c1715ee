// The CNI plugins podpath models, by the name `spec.cni` takes (a leaf module: the top bar's
// plugin switch lists them without loading the schema).
export const CNI_NAMES = ['bridge', 'kindnet', 'flannel', 'calico', 'aws-vpc-cni', 'cilium'] as const;
export type CniName = (typeof CNI_NAMES)[number];
