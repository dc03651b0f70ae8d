import { useFormContext, useWatch } from 'react-hook-form'
import { useI18n } from '../../i18n/messages.ts'
import { FieldShell } from '../FieldShell.tsx'
import { FieldMessage } from '../field-errors.tsx'
import { fieldName, useRenderer } from '../renderer-context.ts'
import { addressRule } from '../schema-at.ts'
import { CommuneCombobox } from './CommuneCombobox.tsx'

/**
 * Địa chỉ: province, commune and street. The province is a list when the form carries a `province`
 * code list, else its two-digit code; within the home province the commune is picked from today's
 * communes (former names find their successor), elsewhere it is typed in full. The parts are labelled
 * plainly inside the fieldset whose legend names the address; error messages name both.
 */
export function AddressInput({ path, pattern, label }: { path: string; pattern: string; label: string }) {
  const { t, lang } = useI18n()
  const { register } = useFormContext()
  const { form, communes, errors, idOf } = useRenderer()
  const province = useWatch({ name: fieldName(`${path}/province`) }) as unknown
  const rule = addressRule(form.schema, pattern)
  const provinces = form.codeLists.province
  const inHome = rule !== null && province === rule.province
  const allowed = rule ? communes.filter((c) => rule.communes.includes(c.code)) : []
  const choices =
    allowed.length > 0 ? allowed : (rule?.communes ?? []).map((code) => ({ code, name: code, formerNames: [] }))
  return (
    <fieldset className="declaration-group">
      <legend>{label}</legend>
      <FieldMessage errors={errors} fieldId={idOf(path)} />
      <FieldShell
        path={`${path}/province`}
        label={provinces ? t('declaration.address.province') : t('declaration.address.provinceCode')}
      >
        {(id, described) =>
          provinces ? (
            <select id={id} {...described} {...register(fieldName(`${path}/province`))}>
              <option value="">{t('declaration.choose')}</option>
              {provinces.entries.map((e) => (
                <option key={e.code} value={e.code}>
                  {lang === 'vi' ? e.vi : e.en}
                </option>
              ))}
            </select>
          ) : (
            <input
              id={id}
              type="text"
              inputMode="numeric"
              maxLength={2}
              autoComplete="off"
              {...described}
              {...register(fieldName(`${path}/province`))}
            />
          )
        }
      </FieldShell>
      <FieldShell
        path={`${path}/commune`}
        label={t('declaration.address.commune')}
        hint={inHome ? t('declaration.address.communeHint') : undefined}
      >
        {(id, described) =>
          inHome ? (
            <CommuneCombobox path={`${path}/commune`} id={id} described={described} choices={choices} />
          ) : (
            <input id={id} type="text" autoComplete="off" {...described} {...register(fieldName(`${path}/commune`))} />
          )
        }
      </FieldShell>
      <FieldShell path={`${path}/street`} label={t('declaration.address.street')}>
        {(id, described) => (
          <input id={id} type="text" autoComplete="off" {...described} {...register(fieldName(`${path}/street`))} />
        )}
      </FieldShell>
    </fieldset>
  )
}
