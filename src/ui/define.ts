/**
 * Registers a custom element unless the tag is already taken, so a page that
 * loads two copies of the bundle (an embed next to the full lab, say) keeps
 * working instead of throwing on the second `customElements.define`.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  if (customElements.get(tag) === undefined) customElements.define(tag, ctor);
}
