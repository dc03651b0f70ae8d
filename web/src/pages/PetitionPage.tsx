import { useMutation, useQuery } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { agencyTreeQuery } from '../api/agencies.ts'
import { client, errorText, ok } from '../api/client.ts'
import { ErrorSummary, FieldMessage, fieldState, useFieldErrors } from '../forms/field-errors.tsx'
import { useI18n } from '../i18n/messages.ts'
import { usePageHead } from '../page-head.ts'
import { Link } from '../router.tsx'
import { agencyChoices } from './petition-agencies.ts'

type Category = 'conduct' | 'regulation'

/** Gửi phản ánh, kiến nghị: anyone, with a name and a phone or e-mail (rules.md, Petitions). */
export function PetitionPage() {
  const { t, lang } = useI18n()
  usePageHead(t('petition.title'), t('petition.head'))
  const ids = {
    agency: useId(),
    title: useId(),
    content: useId(),
    name: useId(),
    phone: useId(),
    email: useId(),
    followsUp: useId(),
  }
  const fieldErrors = useFieldErrors()
  const { errors } = fieldErrors
  const agencies = useQuery(agencyTreeQuery)
  const [agencyId, setAgencyId] = useState('')
  const [category, setCategory] = useState<Category | ''>('')
  const [title, setTitle] = useState('')
  const [content, setContent] = useState('')
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [email, setEmail] = useState('')
  const [consent, setConsent] = useState(false)
  const [followsUp, setFollowsUp] = useState('')
  const send = useMutation({
    mutationFn: () =>
      ok(
        client.POST('/api/petitions', {
          body: {
            receivingAgencyId: agencyId,
            category: category === '' ? null : category,
            title: title.trim(),
            content: content.trim(),
            petitioner: { name: name.trim(), phone: phone.trim() || null, email: email.trim() || null, address: null },
            consentToPublish: consent,
            dossierCode: null,
            followsUp: followsUp.trim() || null,
          },
        }),
      ),
    onError: (error) =>
      fieldErrors.fromProblem(error, {
        receivingAgencyId: ids.agency,
        title: ids.title,
        content: ids.content,
        petitioner: ids.phone,
        name: ids.name,
        phone: ids.phone,
        email: ids.email,
        followsUp: ids.followsUp,
      }),
  })
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!fieldErrors.check(event.currentTarget)) return
    send.mutate()
  }
  if (send.data)
    return (
      <>
        <h1>{t('petition.title')}</h1>
        <p role="status">{t('petition.sent', { code: send.data.code })}</p>
        <p>
          <Link to="/phan-anh-kien-nghi/da-tra-loi">{t('petition.published.title')}</Link>
        </p>
      </>
    )
  return (
    <>
      <h1>{t('petition.title')}</h1>
      <p>{t('petition.intro')}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} summaryRef={fieldErrors.summaryRef} />
        <label htmlFor={ids.agency}>{t('petition.agency')}</label>
        <FieldMessage errors={errors} fieldId={ids.agency} />
        <select
          id={ids.agency}
          required
          value={agencyId}
          onChange={(e) => setAgencyId(e.target.value)}
          {...fieldState(errors, ids.agency)}
        >
          <option value="">{t('petition.agencyChoose')}</option>
          {agencyChoices(agencies.data ?? []).map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <fieldset>
          <legend>{t('petition.category')}</legend>
          {(['conduct', 'regulation'] as const).map((c) => (
            <label key={c} className="choice">
              <input type="radio" name="category" value={c} checked={category === c} onChange={() => setCategory(c)} />
              {t(`petition.category.${c}`)}
            </label>
          ))}
        </fieldset>
        <label htmlFor={ids.title}>{t('petition.subject')}</label>
        <FieldMessage errors={errors} fieldId={ids.title} />
        <input
          id={ids.title}
          required
          maxLength={300}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          {...fieldState(errors, ids.title)}
        />
        <label htmlFor={ids.content}>{t('petition.content')}</label>
        <FieldMessage errors={errors} fieldId={ids.content} />
        <textarea
          id={ids.content}
          required
          rows={6}
          value={content}
          onChange={(e) => setContent(e.target.value)}
          {...fieldState(errors, ids.content)}
        />
        <label htmlFor={ids.name}>{t('petition.name')}</label>
        <FieldMessage errors={errors} fieldId={ids.name} />
        <input
          id={ids.name}
          required
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          {...fieldState(errors, ids.name)}
        />
        <label htmlFor={ids.phone}>{t('petition.phone')}</label>
        <FieldMessage errors={errors} fieldId={ids.phone} />
        <input
          id={ids.phone}
          type="tel"
          autoComplete="tel"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          {...fieldState(errors, ids.phone)}
        />
        <label htmlFor={ids.email}>{t('petition.email')}</label>
        <FieldMessage errors={errors} fieldId={ids.email} />
        <input
          id={ids.email}
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          {...fieldState(errors, ids.email)}
        />
        <label htmlFor={ids.followsUp}>{t('petition.followsUp')}</label>
        <FieldMessage errors={errors} fieldId={ids.followsUp} />
        <input
          id={ids.followsUp}
          pattern="PAKN\.[0-9]{8}\.[0-9]{4,}"
          placeholder="PAKN.yyyymmdd.nnnn"
          value={followsUp}
          onChange={(e) => setFollowsUp(e.target.value)}
          {...fieldState(errors, ids.followsUp)}
        />
        <label className="choice">
          <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />
          {t('petition.consent')}
        </label>
        <button type="submit" className="primary" disabled={send.isPending}>
          {t('petition.submit')}
        </button>
      </form>
      {send.isError && errors.length === 0 && (
        <p role="alert" className="error">
          {errorText(send.error, lang, t('common.networkError'))}
        </p>
      )}
    </>
  )
}
