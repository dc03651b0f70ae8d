import type { PetitionView } from '../../src/http/schemas/petition-view.ts'
import { signedIn, type TestApp } from '../support/test-app.ts'
import { command, submit } from './petition-http.ts'

/** A petition received on the portal, routed to the commune and answered there: one a later one may follow up. */
export async function answeredPetition(t: TestApp): Promise<PetitionView> {
  const { code } = (await submit(t, {})).json<PetitionView>()
  const counter = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] })
  await command(t, counter, code, 'assignment', { agencyId: 'xa-22333' })
  const specialist = await signedIn(t, { grants: [{ role: 'specialist', agencyId: 'xa-22333' }] })
  return (await command(t, specialist, code, 'answer', { answer: 'UBND xã đã trả kết quả.' })).json<PetitionView>()
}
