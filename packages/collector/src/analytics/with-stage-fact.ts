/**
 * An account's traits as conditions read them: its lifecycle stage (from its summary) as the fact
 * `$stage`, in place of any trait sent with that name. Both the browser's state and the
 * summariser's audiences read account traits through this, so they agree.
 */
export function withStageFact(traits: Record<string, unknown>, stage: string | null | undefined): Record<string, unknown> {
  const { $stage: _, ...own } = traits;
  return stage ? { ...own, $stage: stage } : own;
}
