export interface TreeNode<T> {
  item: T;
  children: TreeNode<T>[];
}

/** Builds a forest from parentId links; orphans (parent missing or filtered) become roots. */
export function buildTree<T extends { id: string; parentId?: string | null }>(
  items: T[],
  compare: (a: T, b: T) => number,
): TreeNode<T>[] {
  const nodes = new Map(items.map((item) => [item.id, { item, children: [] as TreeNode<T>[] }]));
  const roots: TreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.item.parentId ? nodes.get(node.item.parentId) : undefined;
    (parent && parent !== node ? parent.children : roots).push(node);
  }
  const sort = (list: TreeNode<T>[]) => {
    list.sort((a, b) => compare(a.item, b.item));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

/** Ids of an item and everything under it: a node cannot move below itself. */
export function subtreeIds<T extends { id: string; parentId?: string | null }>(
  items: T[],
  rootId: string,
): Set<string> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const item of items) {
      if (item.parentId && ids.has(item.parentId) && !ids.has(item.id)) {
        ids.add(item.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** Depth-first order with depth, for indented pickers. */
export function flattenTree<T>(roots: TreeNode<T>[], depth = 0): { item: T; depth: number }[] {
  return roots.flatMap((n) => [{ item: n.item, depth }, ...flattenTree(n.children, depth + 1)]);
}
