import { useQuery } from '@tanstack/react-query'
import { client, errorText, ok } from '../api/client.ts'
import { useI18n } from '../i18n/messages.ts'
import { usePageHead } from '../page-head.ts'
import { MyPetitionItem } from './MyPetitionItem.tsx'

/** Phản ánh, kiến nghị của tôi: the signed-in citizen's petitions, newest first (rules.md, Petitions). */
export function MyPetitionsPage() {
  const { t, lang } = useI18n()
  usePageHead(t('petition.mine.title'), t('petition.mine.head'))
  const list = useQuery({
    queryKey: ['petitions-mine'],
    queryFn: () => ok(client.GET('/api/petitions/mine')),
  })
  return (
    <>
      <h1>{t('petition.mine.title')}</h1>
      {list.isError && (
        <p role="alert" className="error">
          {errorText(list.error, lang, t('common.networkError'))}
        </p>
      )}
      {list.isPending && <p role="status">{t('common.loading')}</p>}
      {list.data?.items.length === 0 && <p>{t('petition.mine.none')}</p>}
      {list.data?.items.map((p) => (
        <MyPetitionItem key={p.code} petition={p} />
      ))}
    </>
  )
}
