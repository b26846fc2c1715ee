// The graph's measures, in flow units: node columns, pods, chips and bars, the band below
// the node network, the Services band above the nodes, and the overview's tiles and chips.
export const M = {
  nodeW: 288, gapX: 16, pad: 10, header: 74,
  podHeader: 46, chipW: 94, chipH: 40, chipGap: 8, podPadBottom: 16,
  podDevW: 56, podDevH: 26, vethW: 124, vethH: 28, vethGap: 18, podGap: 14,
  barW: 36, rootDevW: 128, rootDevH: 40, netBarH: 32, segmentGap: 8, bandGap: 40,
  gatewayW: 250, gatewayH: 112, hostW: 330, hostH: 56, hostGap: 14,
  lbW: 184, lbH: 64, lbGap: 10,
  svcW: 196, svcH: 62, quietW: 164, quietH: 46, svcGap: 14, street: 50,
  // The overview: closed nodes as tiles in a grid, rows apart enough for the node network's branch.
  tileW: 236, tileH: 104, rowGap: 44, trunkStreet: 28, moreW: 260,
  // Closed pods as chips in an open node, grouped by namespace under a label.
  podChipW: 132, podChipH: 36, podChipGap: 8, nsLabelH: 20,
} as const;
