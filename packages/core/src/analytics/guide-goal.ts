/**
 * A guide's goal: the first checklist item, in config order, that the guide backs (the item's
 * `guide`). A guide started and then that item completed is a guide that did its job.
 */
export function guideGoal(
  checklists: ReadonlyArray<{ key: string; items: ReadonlyArray<{ key: string; guide?: string | undefined }> }>,
  guide: string,
): { checklist: string; item: string } | undefined {
  for (const c of checklists) for (const i of c.items) if (i.guide === guide) return { checklist: c.key, item: i.key };
  return undefined;
}
