import type { KeyboardEvent } from 'react'

/** The controls a keyboard user moves through, in the order of the page (the paper form's order). */
function controlsOf(form: HTMLFormElement): HTMLElement[] {
  return Array.from(form.querySelectorAll<HTMLElement>('input, select, textarea, button')).filter(
    (el) =>
      !(el as HTMLInputElement).disabled &&
      el.tabIndex >= 0 &&
      (el as HTMLInputElement).type !== 'hidden' &&
      el.getClientRects().length > 0,
  )
}

/**
 * At the counter, Enter in a field moves to the next one (as Tab does) instead of sending the form,
 * so an officer copies a paper form with the keyboard alone; on a button Enter presses it. Radios of
 * one group count as one stop; a textarea keeps Enter for new lines.
 */
export function enterMovesOn(event: KeyboardEvent<HTMLFormElement>): void {
  const target = event.target
  if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return
  if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return
  if (target instanceof HTMLInputElement && (target.type === 'submit' || target.type === 'button')) return
  event.preventDefault()
  const controls = controlsOf(event.currentTarget)
  const here = controls.indexOf(target)
  const next = controls.slice(here + 1).find((el) => {
    const input = el as HTMLInputElement
    return !(
      target instanceof HTMLInputElement &&
      target.type === 'radio' &&
      input.type === 'radio' &&
      input.name === target.name
    )
  })
  next?.focus()
}
