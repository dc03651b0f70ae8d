import type { FormDefinition } from '../../../src/domain/declarations/form-definition.ts'
import { valueAt } from '../../../src/domain/declarations/named-rules.ts'
import { type Lang, useI18n } from '../i18n/messages.ts'
import type { CommuneChoice } from './communes.ts'
import { type Spot, sectionsOf, visibleSpots } from './layout-walk.ts'
import { formatIsoDate } from './typed-date.ts'

/** A value as the paper form would print it: dates dd/mm/yyyy, codes by name, an address in one line. */
function shownValue(
  form: FormDefinition,
  spot: Spot,
  data: unknown,
  lang: Lang,
  communes: readonly CommuneChoice[],
  yesNo: [string, string],
): string {
  const value = valueAt(data, spot.path)
  const named = (list: string | undefined, code: unknown) => {
    const entry = list ? form.codeLists[list]?.entries.find((e) => e.code === code) : undefined
    return entry ? entry[lang] : code === undefined ? '' : String(code)
  }
  switch (spot.field.widget) {
    case 'date':
      return formatIsoDate(value)
    case 'select':
    case 'radio':
      return named(spot.field.codeList, value)
    case 'checkbox':
      return value === true ? yesNo[0] : yesNo[1]
    case 'address': {
      const a = (value ?? {}) as Record<string, unknown>
      const commune = communes.find((c) => c.code === a.commune)?.name ?? a.commune
      const province = form.codeLists.province ? named('province', a.province) : a.province
      return [a.street, commune, province].filter((x) => typeof x === 'string' && x !== '').join(', ')
    }
    default:
      return value === undefined ? '' : String(value)
  }
}

/** "Con thứ 2 – Họ, chữ đệm, tên": a field of a repeated item is named with its item's number. */
function spotLabel(spot: Spot, spots: readonly Spot[], lang: Lang, item: (label: string, n: number) => string) {
  const parents = spots.filter((s) => s.field.widget === 'repeat' && spot.path.startsWith(`${s.path}/`))
  const prefix = parents.map((p) =>
    item(p.field.label[lang], Number(spot.path.slice(p.path.length + 1).split('/')[0]) + 1),
  )
  return [...prefix, spot.field.label[lang]].join(' – ')
}

/** The declaration step by step as entered, each step with a button back to it. */
export function Review({
  form,
  data,
  communes,
  onEdit,
}: {
  form: FormDefinition
  data: unknown
  communes: readonly CommuneChoice[]
  onEdit: (step: number) => void
}) {
  const { t, lang } = useI18n()
  const yesNo: [string, string] = [t('declaration.yes'), t('declaration.no')]
  return (
    <div>
      {form.layout.steps.map((step, i) => {
        const spots = visibleSpots(sectionsOf(form, [step.id]), data)
        const shown = spots.filter((s) => !s.part && s.field.widget !== 'group' && s.field.widget !== 'repeat')
        return (
          <section key={step.id} aria-labelledby={`review-${step.id}`}>
            <h3 id={`review-${step.id}`}>{step.title[lang]}</h3>
            <dl>
              {shown.map((spot) => (
                <div key={spot.path}>
                  <dt>{spotLabel(spot, spots, lang, (label, n) => t('declaration.repeat.item', { label, n }))}</dt>
                  <dd>{shownValue(form, spot, data, lang, communes, yesNo) || t('declaration.empty')}</dd>
                </div>
              ))}
            </dl>
            <button type="button" className="secondary" onClick={() => onEdit(i)}>
              {t('declaration.edit', { title: step.title[lang] })}
            </button>
          </section>
        )
      })}
    </div>
  )
}
