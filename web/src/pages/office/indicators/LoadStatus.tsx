import { Announcement } from '../../../Announcement.tsx'
import { useI18n } from '../../../i18n/messages.ts'
import type { Load } from '../../../indicators/load.ts'

/** Says "loading" or what failed; silent once the data is there. */
export function LoadStatus({ load }: { load: Load<unknown> }) {
  const { t } = useI18n()
  return (
    <Announcement failed={load.state === 'error'} className={load.state === 'error' ? undefined : 'visually-hidden'}>
      {load.state === 'loading' ? t('common.loading') : load.state === 'error' ? load.message : t('ind.loaded')}
    </Announcement>
  )
}
