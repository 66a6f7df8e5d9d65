/**
 * Events the page can send us. WXT's content-script context tears an instance down when it hears the DOM event
 * `<extension id>:<entrypoint>:wxt:content-script-started` from a "newer" instance. That name is public (the id is in
 * the store listing, the entrypoint in our source), so any script on a parliament page could switch us off with it.
 * Whether we are stale is the extension's own answer instead: `browser.runtime.id` is gone once the extension is
 * updated, reloaded or removed, and then (and only then) the event reaches WXT's listener.
 */

/**
 * Stops the "started" event before WXT's listener (on `document`) hears it while the extension is alive: a capture
 * listener on `window` runs first. Returns the remover.
 */
export function guardScriptStartedEvent(win: Window, eventName: string, isAlive: () => boolean): () => void {
  const guard = (event: Event) => {
    if (isAlive()) event.stopImmediatePropagation();
  };
  win.addEventListener(eventName, guard, { capture: true });
  return () => win.removeEventListener(eventName, guard, { capture: true });
}

/** True while the extension that runs this script is installed and enabled. */
export function extensionAlive(runtime: () => { id?: string } | undefined): boolean {
  try {
    return runtime()?.id != null;
  } catch {
    return false; // a dead extension context may throw rather than answer
  }
}
