import type { z } from 'zod';
import { conditionRefs, type ConditionRef } from '../condition/condition-refs.js';
import type { Condition } from '../condition/condition.js';
import { templateReferences } from '../template/template-references.js';
import type { configShape } from './config-schema.js';

type Shape = z.output<typeof configShape>;
type Path = PropertyKey[];

/** A node of the dependency graph: a milestone, a checklist, or one checklist item. */
type Node = string;
const milestoneNode = (key: string): Node => `milestone "${key}"`;
const checklistNode = (key: string): Node => `checklist "${key}"`;
const itemNode = (checklist: string, item: string): Node => `item "${item}" of checklist "${checklist}"`;

function uniqueKeys(list: ReadonlyArray<{ key: string }>, base: Path, ctx: z.RefinementCtx) {
  const seen = new Map<string, number>();
  list.forEach((entry, i) => {
    const first = seen.get(entry.key);
    if (first === undefined) seen.set(entry.key, i);
    else ctx.addIssue({ code: 'custom', path: [...base, i, 'key'], message: `duplicate key "${entry.key}" (already used at index ${first})` });
  });
}

/**
 * The checks zod cannot express per field: unique keys, references to guides, milestones,
 * checklists, items and gated features that exist (from conditions, gates, nudges and success plans), at most one first-value milestone, and no cycles between
 * milestones, checklists and items (which would make "done" undecidable).
 */
export function crossReferences(config: Shape, ctx: z.RefinementCtx): void {
  uniqueKeys(config.features, ['features'], ctx);
  uniqueKeys(config.milestones, ['milestones'], ctx);
  uniqueKeys(config.checklists, ['checklists'], ctx);
  uniqueKeys(config.guides, ['guides'], ctx);
  uniqueKeys(config.gates, ['gates'], ctx);
  uniqueKeys(config.nudges, ['nudges'], ctx);
  uniqueKeys(config.announcements, ['announcements'], ctx);
  config.checklists.forEach((c, i) => {
    uniqueKeys(c.items, ['checklists', i, 'items'], ctx);
  });
  config.guides.forEach((g, i) => {
    uniqueKeys(g.steps, ['guides', i, 'steps'], ctx);
  });

  const guides = new Set(config.guides.map((g) => g.key));
  const milestones = new Set(config.milestones.map((m) => m.key));
  const items = new Map(config.checklists.map((c) => [c.key, new Set(c.items.map((it) => it.key))]));

  // Resolves a reference to its graph node, or reports it and returns undefined.
  const resolve = (ref: ConditionRef): Node | undefined => {
    if ('milestone' in ref) {
      if (milestones.has(ref.milestone)) return milestoneNode(ref.milestone);
      ctx.addIssue({ code: 'custom', path: ref.path, message: `milestone "${ref.milestone}" is not defined in milestones` });
      return undefined;
    }
    const checklistItems = items.get(ref.checklist);
    if (!checklistItems) {
      ctx.addIssue({
        code: 'custom',
        path: ref.item === undefined ? ref.path : [...ref.path.slice(0, -1), 'checklist'],
        message: `checklist "${ref.checklist}" is not defined in checklists`,
      });
      return undefined;
    }
    if (ref.item === undefined) return checklistNode(ref.checklist);
    if (checklistItems.has(ref.item)) return itemNode(ref.checklist, ref.item);
    ctx.addIssue({ code: 'custom', path: ref.path, message: `checklist "${ref.checklist}" has no item "${ref.item}"` });
    return undefined;
  };

  // Dependency edges, each with the path of the reference that makes it.
  const edges = new Map<Node, Array<{ to: Node; path: Path }>>();
  const depend = (from: Node, condition: Condition, base: Path) => {
    const list = edges.get(from) ?? [];
    for (const ref of conditionRefs(condition, base)) {
      const to = resolve(ref);
      if (to !== undefined) list.push({ to, path: ref.path });
    }
    edges.set(from, list);
  };

  let firstValue: string | undefined;
  config.milestones.forEach((m, i) => {
    depend(milestoneNode(m.key), m.condition, ['milestones', i, 'condition']);
    if (!m.firstValue) return;
    if (firstValue === undefined) firstValue = m.key;
    else
      ctx.addIssue({
        code: 'custom',
        path: ['milestones', i, 'firstValue'],
        message: `only one milestone can be the first value, and "${firstValue}" already is`,
      });
  });
  config.checklists.forEach((c, i) => {
    if (c.audience) for (const ref of conditionRefs(c.audience, ['checklists', i, 'audience'])) resolve(ref);
    if (c.trigger?.audience) for (const ref of conditionRefs(c.trigger.audience, ['checklists', i, 'trigger', 'audience'])) resolve(ref);
    edges.set(
      checklistNode(c.key),
      c.items.map((it, j) => ({ to: itemNode(c.key, it.key), path: ['checklists', i, 'items', j] })),
    );
    c.items.forEach((it, j) => {
      depend(itemNode(c.key, it.key), it.done, ['checklists', i, 'items', j, 'done']);
      if (it.guide !== undefined && !guides.has(it.guide)) {
        ctx.addIssue({ code: 'custom', path: ['checklists', i, 'items', j, 'guide'], message: `guide "${it.guide}" is not defined in guides` });
      }
    });
  });

  config.guides.forEach((g, i) => {
    if (g.trigger?.audience) for (const ref of conditionRefs(g.trigger.audience, ['guides', i, 'trigger', 'audience'])) resolve(ref);
  });

  // Gates are not graph nodes (nothing depends on a gate), so their references cannot close a cycle.
  const features = new Set(config.features.map((f) => f.key));
  config.gates.forEach((g, i) => {
    if (!features.has(g.key)) ctx.addIssue({ code: 'custom', path: ['gates', i, 'key'], message: `feature "${g.key}" is not defined in features` });
    for (const ref of conditionRefs(g.unlock, ['gates', i, 'unlock'])) resolve(ref);
  });
  config.nudges.forEach((n, i) => {
    if (n.for) resolve({ path: ['nudges', i, 'for', n.for.item === undefined ? 'checklist' : 'item'], ...n.for });
  });

  config.announcements.forEach((a, i) => {
    if (a.audience) for (const ref of conditionRefs(a.audience, ['announcements', i, 'audience'])) resolve(ref);
    if (a.trigger?.audience) for (const ref of conditionRefs(a.trigger.audience, ['announcements', i, 'trigger', 'audience'])) resolve(ref);
    if (a.action?.type === 'guide' && !guides.has(a.action.guide))
      ctx.addIssue({ code: 'custom', path: ['announcements', i, 'action', 'guide'], message: `guide "${a.action.guide}" is not defined in guides` });
    if (a.feature !== undefined && !features.has(a.feature))
      ctx.addIssue({ code: 'custom', path: ['announcements', i, 'feature'], message: `feature "${a.feature}" is not defined in features` });
  });

  successPlanReferences(config, milestones, ctx);
  templateReferences(config, milestones, ctx);
  reportCycles(edges, ctx);
}

/** Success plans: goals name milestones that exist, once per plan; one plan per segment and one default. */
function successPlanReferences(config: Shape, milestones: Set<string>, ctx: z.RefinementCtx) {
  const segments = new Map<string, number>();
  config.successPlans?.forEach((plan, i) => {
    const segment = plan.segment ?? '';
    const first = segments.get(segment);
    if (first === undefined) segments.set(segment, i);
    else {
      const which = plan.segment === undefined ? 'the default plan (no segment)' : `segment "${plan.segment}"`;
      ctx.addIssue({
        code: 'custom',
        path: plan.segment === undefined ? ['successPlans', i] : ['successPlans', i, 'segment'],
        message: `${which} already has a plan (at index ${first})`,
      });
    }
    const seen = new Set<string>();
    plan.goals.forEach((goal, j) => {
      const path = ['successPlans', i, 'goals', j, 'milestone'];
      if (!milestones.has(goal.milestone)) ctx.addIssue({ code: 'custom', path, message: `milestone "${goal.milestone}" is not defined in milestones` });
      else if (seen.has(goal.milestone)) ctx.addIssue({ code: 'custom', path, message: `milestone "${goal.milestone}" is already a goal of this plan` });
      seen.add(goal.milestone);
    });
  });
}

/** Depth-first search; each edge back into the current path closes a cycle, reported at that edge's reference. */
function reportCycles(edges: Map<Node, Array<{ to: Node; path: Path }>>, ctx: z.RefinementCtx) {
  const done = new Set<Node>();
  const onPath: Node[] = [];
  const visit = (node: Node) => {
    onPath.push(node);
    for (const edge of edges.get(node) ?? []) {
      const at = onPath.indexOf(edge.to);
      if (at >= 0) {
        const loop = [...onPath.slice(at), edge.to].join(' → ');
        ctx.addIssue({ code: 'custom', path: edge.path, message: `${edge.to} depends on itself: ${loop}` });
      } else if (!done.has(edge.to)) visit(edge.to);
    }
    onPath.pop();
    done.add(node);
  };
  for (const node of edges.keys()) if (!done.has(node)) visit(node);
}
