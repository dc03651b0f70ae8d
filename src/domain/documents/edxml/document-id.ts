import type { DocumentReference } from './exchange-document.ts'
import { edxmlDay } from './xml-text.ts'

/**
 * Mã định danh văn bản (MessageHeader/DocumentId) as the published samples write it: the issuing
 * agency's code, the promulgation day and number/notation, comma-separated —
 * `000.00.00.G22,2015/09/30,7816/VPCP-TTĐT`. It names the document across every package about it.
 */
export const documentIdOf = (ref: DocumentReference): string =>
  `${ref.organId},${edxmlDay(ref.promulgatedOn)},${ref.number}/${ref.notation}`
