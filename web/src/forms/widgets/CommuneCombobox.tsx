import { type KeyboardEvent, useEffect, useId, useState } from 'react'
import { useController } from 'react-hook-form'
import { useI18n } from '../../i18n/messages.ts'
import { type CommuneChoice, folded, matchCommunes } from '../communes.ts'
import type { Described } from '../FieldShell.tsx'
import { fieldName } from '../renderer-context.ts'

/** The shown text of a stored code: the commune's name, or what was typed when it matched nothing. */
const shown = (value: unknown, choices: readonly CommuneChoice[]) =>
  typeof value === 'string' ? (choices.find((c) => c.code === value)?.name ?? value) : ''

/** The former names a choice was found by (none when today's name matched). */
function formerMatches(choice: CommuneChoice, text: string): readonly string[] {
  const q = folded(text)
  if (!q || folded(choice.name).includes(q)) return []
  return choice.formerNames.filter((f) => folded(f).includes(q))
}

/** A name without its kind of unit: "Phường Bắc Nha Trang" is also "Bắc Nha Trang". */
const bare = (name: string) => folded(name).replace(/^(xa|phuong|dac khu|thi tran)\s+/, '')

/** The one choice a text names exactly, by today's name or a former one, with or without "Phường"/"Xã". */
function exact(choices: readonly CommuneChoice[], text: string): CommuneChoice | undefined {
  const q = folded(text)
  if (!q) return undefined
  const names = (c: CommuneChoice) => [c.name, ...c.formerNames]
  const found = choices.filter((c) => names(c).some((n) => folded(n) === q))
  if (found.length === 1) return found[0]
  const bareFound = choices.filter((c) => names(c).some((n) => bare(n) === q))
  return found.length === 0 && bareFound.length === 1 ? bareFound[0] : undefined
}

/**
 * Xã, phường, đặc khu of the home province: a searchable list (ARIA 1.2 combobox) of today's communes.
 * Typing a unit merged in 2025 ("Phường Vĩnh Hòa") offers its successor; the data keeps the code.
 * Enter takes the highlighted (or first) match, so a keyboard user types a few letters and moves on.
 */
export function CommuneCombobox({
  path,
  id,
  described,
  choices,
}: {
  path: string
  id: string
  described: Described
  choices: readonly CommuneChoice[]
}) {
  const { t } = useI18n()
  const listId = useId()
  const { field } = useController({ name: fieldName(path) })
  const [text, setText] = useState(() => shown(field.value, choices))
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const matches = matchCommunes(choices, text).slice(0, 50)
  // What the text stands for: the code of the commune it names exactly, else the text itself (refused
  // by the schema's list), none when empty.
  const meaning = (typed: string) => exact(choices, typed)?.code ?? (typed === '' ? undefined : typed)
  useEffect(() => {
    const meant = exact(choices, text)?.code ?? (text === '' ? undefined : text)
    if (meant === field.value) {
      // A resumed code shown before the names arrived gets its name.
      if (text === field.value && shown(field.value, choices) !== text) setText(shown(field.value, choices))
      return
    }
    // The list arrived after the typing (the agency tree loads once): the text now names a commune.
    if (field.value === text) field.onChange(meant)
    // A value set from outside (a resumed draft) replaces the text.
    else setText(shown(field.value, choices))
  }, [field.value, field.onChange, choices, text])

  const choose = (choice: CommuneChoice) => {
    setText(choice.name)
    field.onChange(choice.code)
    setOpen(false)
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      setOpen(true)
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((i) => (matches.length === 0 ? 0 : (i + step + matches.length) % matches.length))
    } else if (event.key === 'Enter' && open && matches.length > 0) {
      choose(matches[Math.min(active, matches.length - 1)] as CommuneChoice)
    } else if (event.key === 'Escape') setOpen(false)
  }
  const activeId = open && matches.length > 0 ? `${listId}-${Math.min(active, matches.length - 1)}` : undefined
  return (
    <div className="combobox">
      <input
        id={id}
        ref={field.ref}
        name={field.name}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeId}
        autoComplete="off"
        value={text}
        {...described}
        onChange={(e) => {
          setText(e.target.value)
          setOpen(true)
          setActive(0)
          field.onChange(meaning(e.target.value))
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false)
          const found = exact(choices, text)
          if (found) setText(found.name)
          field.onBlur()
        }}
      />
      <div id={listId} role="listbox" aria-label={t('declaration.address.matches')} hidden={!open}>
        {matches.map((c, i) => (
          <div
            key={c.code}
            tabIndex={-1}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            // mousedown, not click: the input keeps focus, so its blur does not close the list first.
            onMouseDown={(e) => {
              e.preventDefault()
              choose(c)
            }}
          >
            {c.name}
            {formerMatches(c, text).length > 0 && (
              <span className="meta">
                {' '}
                ({t('declaration.address.formerly', { names: formerMatches(c, text).join(', ') })})
              </span>
            )}
          </div>
        ))}
        {matches.length === 0 && (
          <div role="option" tabIndex={-1} aria-selected={false} aria-disabled="true">
            {t('declaration.address.noCommune')}
          </div>
        )}
      </div>
    </div>
  )
}
