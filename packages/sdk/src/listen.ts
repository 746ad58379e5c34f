/** Adds an event listener and returns the cleanup that removes it. */
export function listen(target: EventTarget, type: string, handler: (event: Event) => void, capture = false): () => void {
  target.addEventListener(type, handler, capture);
  return () => target.removeEventListener(type, handler, capture);
}
