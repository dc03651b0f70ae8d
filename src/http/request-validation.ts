import { Ajv, type Options } from 'ajv'
import addFormats from 'ajv-formats'
import type { FastifySchemaCompiler } from 'fastify'

const shared: Options = { removeAdditional: false, allErrors: true, useDefaults: true, addUsedSchema: false }

/**
 * Request validation with two ajv instances. Query strings and path parameters arrive as text, so
 * they are coerced ("3" → 3, one value → an array). A JSON body arrives typed and is checked as sent:
 * coercion inside a string-or-null union (anyOf) turned `"email": null` into `""` before a handler
 * saw it, so an applicant without an e-mail was stored with an empty one.
 */
export function requestValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const textParts = addFormats.default(new Ajv({ ...shared, coerceTypes: 'array' }))
  const jsonBody = addFormats.default(new Ajv({ ...shared, coerceTypes: false }))
  // An ajv validate function is what Fastify expects: a boolean, with `errors` set on failure.
  return ({ schema, httpPart }) => (httpPart === 'body' ? jsonBody : textParts).compile(schema as object)
}
