import { blendRow, type FittedFactor } from '../composite/factors.js';

/**
 * A fitted factor tree flattened for fast "what if this one leaf had unit score u" questions: only the
 * leaf's ancestors are re-blended, with exactly the operations of the batch, so the result is bit-identical
 * to re-scoring the customer in full.
 */
export interface TreeNode {
  readonly fitted: FittedFactor;
  readonly parent: number;
  /** Indices of the node's siblings including itself, in blend order. */
  readonly siblings: readonly number[];
  /** Share of the composite this node carries when nothing is NULL (product of normalised weights). */
  readonly weight: number;
  readonly depth: number;
}

export interface FlatTree {
  readonly nodes: readonly TreeNode[];
  readonly leaves: readonly number[];
  readonly top: readonly number[];
  /** Per node, the fitted factors of its sibling group and a scratch row for re-blending it without allocation. */
  readonly groups: readonly { readonly factors: readonly FittedFactor[]; readonly row: Float64Array }[];
}

export function flatten(factors: readonly FittedFactor[]): FlatTree {
  const nodes: TreeNode[] = [];
  const visit = (level: readonly FittedFactor[], parent: number, weight: number, depth: number): number[] => {
    const indices = level.map((fitted) => {
      nodes.push({ fitted, parent, siblings: [], weight: weight * fitted.weight, depth });
      return nodes.length - 1;
    });
    indices.forEach((index) => {
      const node = nodes[index]!;
      nodes[index] = { ...node, siblings: indices };
      if (node.fitted.children) visit(node.fitted.children, index, node.weight, depth + 1);
    });
    return indices;
  };
  const top = visit(factors, -1, 1, 0);
  const leaves = nodes.flatMap((n, i) => (n.fitted.children ? [] : [i]));
  const groups = nodes.map((n) => ({
    factors: n.siblings.map((s) => nodes[s]!.fitted),
    row: new Float64Array(n.siblings.length),
  }));
  return { nodes, leaves, top, groups };
}

/** Composite score when leaf `leaf` has unit score `unit` and every other node keeps `current` (unit scores). */
export function compositeWithLeaf(tree: FlatTree, current: Float64Array, leaf: number, unit: number): number {
  let index = leaf;
  let value = unit;
  for (;;) {
    const node = tree.nodes[index]!;
    const { factors, row } = tree.groups[index]!;
    const scale = node.parent < 0 ? 100 : 1;
    for (let k = 0; k < row.length; k++) {
      const s = node.siblings[k]!;
      row[k] = scale * (s === index ? value : current[s]!);
    }
    value = blendRow(factors, row);
    if (node.parent < 0) return value;
    index = node.parent;
  }
}
