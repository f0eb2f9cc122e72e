import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * The fields asked for under the current field, by path (`[]`: directly under it; `['links']`:
 * under its `links`), through fragments, as schema field names (aliases resolved). Lets a
 * list's resolver read for the whole page only what the document selects (issue 13).
 */
export function selectedFields(
  info: GraphQLResolveInfo,
  path: readonly string[] = [],
): Set<string> {
  let nodes: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) {
    const next: FieldNode[] = [];
    for (const node of nodes)
      collect(info, node.selectionSet, (f) => f.name.value === name && next.push(f));
    nodes = next;
  }
  const names = new Set<string>();
  for (const node of nodes) collect(info, node.selectionSet, (f) => names.add(f.name.value));
  return names;
}

function collect(
  info: GraphQLResolveInfo,
  set: SelectionSetNode | undefined,
  visit: (field: FieldNode) => unknown,
  seen = new Set<string>(),
): void {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === 'Field') visit(selection);
    else if (selection.kind === 'InlineFragment')
      collect(info, selection.selectionSet, visit, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      collect(info, info.fragments[selection.name.value]?.selectionSet, visit, seen);
    }
  }
}
