/** A JSON path for people: `checklists[0].items[2].done.all[1].event`. */
export function formatPath(steps: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const step of steps) {
    if (typeof step === 'number') out += `[${step}]`;
    else out += out === '' ? String(step) : `.${String(step)}`;
  }
  return out;
}
