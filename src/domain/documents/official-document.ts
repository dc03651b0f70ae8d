import type { IncomingDocument, IncomingEvent } from './incoming.ts'
import type { OutgoingDocument, OutgoingEvent } from './outgoing.ts'

/** Văn bản: an outgoing or an incoming document of one agency (Decree 30/2020 Chapter III). */
export type OfficialDocument = OutgoingDocument | IncomingDocument
export type DocumentEvent = OutgoingEvent | IncomingEvent
/** Sổ đăng ký văn bản đi / đến */
export type Register = 'outgoing' | 'incoming'
