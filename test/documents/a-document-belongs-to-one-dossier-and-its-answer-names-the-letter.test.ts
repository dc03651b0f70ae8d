import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import {
  dossierDocumentLinks,
  dossierOfDocument,
  linkDossierDocument,
} from '../../src/store/documents/dossier-documents.ts'
import { submitOnline } from '../support/http-dossier.ts'
import { createTestApp, signedIn, type TestApp } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'
import { approvedDocument, sendingOffice } from './document-http.ts'

// Migration 0038: a document concerns at most one dossier; an answer names the letter it answers.
let t: TestApp
let dossiers: string[]
let letter: string
let answer: string
before(async () => {
  t = await createTestApp()
  const citizen = await signedIn(t, { citizen: { identityNumber: '056111000009', name: 'Người nộp' } })
  dossiers = [(await submitOnline(t, citizen)).id, (await submitOnline(t, citizen)).id]
  const office = await sendingOffice(t)
  letter = await approvedDocument(t, office)
  answer = await approvedDocument(t, office)
  const db = t.database.db
  await linkDossierDocument(db, {
    documentId: answer,
    dossierId: dossiers[0] as string,
    role: 'consultation_answer',
    replyTo: letter,
    createdAt: '2026-03-03T02:00:00.000Z',
  })
  await linkDossierDocument(db, {
    documentId: letter,
    dossierId: dossiers[0] as string,
    role: 'consultation_letter',
    replyTo: null,
    createdAt: '2026-03-02T02:00:00.000Z',
  })
})
after(() => t.close())

test(`the dossier's documents come in the order they were linked, the answer naming its letter, on ${engineName}`, async () => {
  const links = await dossierDocumentLinks(t.database.db, dossiers[0] as string)
  assert.deepEqual(
    links.map((l) => [l.role, l.documentId, l.replyTo]),
    [
      ['consultation_letter', letter, null],
      ['consultation_answer', answer, letter],
    ],
  )
})

test(`a document already linked to one dossier cannot be linked to another on ${engineName}`, async () => {
  await assert.rejects(
    linkDossierDocument(t.database.db, {
      documentId: letter,
      dossierId: dossiers[1] as string,
      role: 'apology',
      replyTo: null,
      createdAt: '2026-03-04T02:00:00.000Z',
    }),
  )
  assert.equal((await dossierOfDocument(t.database.db, letter))?.dossierId, dossiers[0])
})
