import type { OrgDetail, OrgSummary } from '@contracts/orgs.ts';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Spin, Tree, type TreeDataNode } from 'antd';
import { type Key, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EmptyState } from '../../../app/components/empty-state.tsx';
import { errorMessage } from '../../../app/errors.ts';
import { type ChildrenStatus, childrenQuery, rootsQuery } from '../api.ts';

type Props = { showClosed: boolean; selected: OrgDetail | undefined };

function NodeTitle({ org }: { org: OrgSummary }) {
  const { t } = useTranslation();
  return (
    <span title={t('orgs.treeCountHint', { children: org.childCount, descendants: org.descendantCount })}>
      <span className={org.status === 'active' ? undefined : 'org-tree-closed'}>{org.name}</span>
      {org.childCount > 0 && <span className="org-tree-count">({org.childCount})</span>}
    </span>
  );
}

function toNodes(
  orgs: OrgSummary[],
  children: Map<number, OrgSummary[]>,
  showClosed: boolean,
): TreeDataNode[] {
  return orgs.map((org) => {
    const loaded = children.get(org.id);
    return {
      key: String(org.id),
      title: <NodeTitle org={org} />,
      // childCount may leave closed children out: with closed ones shown, any node may have some.
      isLeaf: org.childCount === 0 && !showClosed,
      children: loaded ? toNodes(loaded, children, showClosed) : undefined,
    };
  });
}

/** Ancestors of the selected organisation that lie inside what this user sees, so it shows in the tree. */
function pathToSelected(selected: OrgDetail | undefined, roots: OrgSummary[] | undefined): string[] {
  if (!selected || !roots) return [];
  const rootIds = new Set(roots.map((r) => r.id));
  const start = selected.ancestors.findIndex((a) => rootIds.has(a.id));
  return start < 0 ? [] : selected.ancestors.slice(start).map((a) => String(a.id));
}

function useExpanded(selected: OrgDetail | undefined, roots: OrgSummary[] | undefined) {
  const [expanded, setExpanded] = useState<Key[]>([]);
  const path = pathToSelected(selected, roots).join(',');
  useEffect(() => {
    if (path === '') return;
    setExpanded((keys) => [...new Set([...keys, ...path.split(',')])]);
  }, [path]);
  // One root (an organisation's own admin): open it on arrival, its units are what he came for. Once only, so
  // he can fold it again.
  const onlyRoot = roots?.length === 1 && roots[0]!.childCount > 0 ? String(roots[0]!.id) : null;
  const isRootOpened = useRef(false);
  useEffect(() => {
    if (onlyRoot === null || isRootOpened.current) return;
    isRootOpened.current = true;
    setExpanded((keys) => (keys.includes(onlyRoot) ? keys : [...keys, onlyRoot]));
  }, [onlyRoot]);
  return [expanded, setExpanded] as const;
}

/** A lazily loaded organisation tree: each expanded node's children come from /orgs/:id/children. */
export function OrgTree({ showClosed, selected }: Props) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const status: ChildrenStatus = showClosed ? 'all' : 'active';
  const roots = useQuery(rootsQuery());
  const [expanded, setExpanded] = useExpanded(selected, roots.data);
  const expandedIds = expanded.map(Number);
  const childLists = useQueries({ queries: expandedIds.map((id) => childrenQuery(id, status)) });
  const children = new Map<number, OrgSummary[]>();
  childLists.forEach((q, i) => {
    const id = expandedIds[i];
    if (q.data && id !== undefined) children.set(id, q.data);
  });
  const childKey = childLists.map((q) => q.dataUpdatedAt).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt when any list changes (childKey)
  const treeData = useMemo(
    () => toNodes(roots.data ?? [], children, showClosed),
    [roots.data, childKey, showClosed],
  );

  if (roots.isPending) return <Spin style={{ display: 'block', margin: 24 }} />;
  if (roots.error) return <Alert type="error" showIcon title={errorMessage(roots.error)} />;
  if (treeData.length === 0) return <EmptyState text={<NoOrgsText />} />;
  return (
    <Tree
      blockNode
      showLine
      treeData={treeData}
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys)}
      selectedKeys={selected ? [String(selected.id)] : []}
      loadData={(node) =>
        queryClient.ensureQueryData(childrenQuery(Number(node.key), status)).then(() => undefined)
      }
      onSelect={(_keys, info) => {
        const key = String(info.node.key);
        setExpanded((keys) => (keys.includes(key) ? keys : [...keys, key]));
        navigate(`/orgs/${key}`);
      }}
    />
  );
}

function NoOrgsText() {
  const { t } = useTranslation();
  return <span>{t('orgs.emptyTree')}</span>;
}
