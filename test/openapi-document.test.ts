import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { promisify } from 'node:util'
import Fastify from 'fastify'
import { sessionCookie } from '../src/http/auth/access-control.ts'
import { registerOperationChecks } from '../src/http/openapi/operations.ts'
import { documentProperties, type OpenApiDocument } from './support/openapi-properties.ts'
import { createTestApp, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

type Operation = { operationId?: string; security?: Record<string, string[]>[] }
type Document = OpenApiDocument & {
  paths: Record<string, Record<string, Operation>>
  components: { securitySchemes: Record<string, { type: string; in?: string; name?: string; scheme?: string }> }
}
type LintProblem = { ruleId: string; severity: 'error' | 'warn'; message: string; location: { pointer: string }[] }

const redocly = join(import.meta.dirname, '..', 'node_modules', '.bin', 'redocly')

const changing = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const openapiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')

describe(`the served OpenAPI document on ${engineName}`, () => {
  let t: TestApp
  let doc: Document
  before(async () => {
    // The demo servers also serve the demo sign-in: the document must hold for every route there is.
    t = await createTestApp({ demoLogin: true })
    doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<Document>()
  })
  after(() => t.close())

  test('declares the session cookie, its CSRF header and the bearer API token as security schemes', () => {
    const schemes = doc.components.securitySchemes
    assert.deepEqual(
      { type: schemes.sessionCookie?.type, in: schemes.sessionCookie?.in, name: schemes.sessionCookie?.name },
      { type: 'apiKey', in: 'cookie', name: sessionCookie },
    )
    assert.deepEqual(
      { type: schemes.csrfToken?.type, in: schemes.csrfToken?.in, name: schemes.csrfToken?.name },
      { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
    )
    assert.deepEqual(
      { type: schemes.apiToken?.type, scheme: schemes.apiToken?.scheme },
      { type: 'http', scheme: 'bearer' },
    )
  })

  test('redocly lint with the recommended ruleset finds no error in the served document', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-openapi-'))
    try {
      const file = join(dir, 'openapi.json')
      await writeFile(file, JSON.stringify(doc))
      // Exit status 1 means errors were found; the JSON report below says which.
      const { stdout } = await promisify(execFile)(
        redocly,
        ['lint', '--extends', 'recommended', '--format', 'json', '--max-problems', '1000', file],
        { env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
      ).catch((error: { stdout?: string; code?: number }) => ({ stdout: error.stdout ?? '', code: error.code }))
      const problems = (JSON.parse(stdout) as { problems: LintProblem[] }).problems
      const errors = problems.filter((p) => p.severity === 'error')
      assert.deepEqual(
        errors.map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`),
        [],
      )
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  test('every schema property, components and inline, says what it means', () => {
    const properties = documentProperties(doc)
    assert.ok(properties.length > 2000, `properties found: ${properties.length}`)
    assert.deepEqual(
      properties.filter((p) => !p.described).map((p) => p.where),
      [],
    )
  })

  test('every operation has a unique camelCase operationId', () => {
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId))
    assert.ok(ids.length >= 70, `operations found: ${ids.length}`)
    assert.deepEqual(
      ids.filter((id) => id === undefined || !/^[a-z][a-zA-Z0-9]*$/.test(id)),
      [],
    )
    assert.equal(new Set(ids).size, ids.length, 'operationIds are unique')
  })

  test("each operation's security is what its route's permission lets in", () => {
    const wrong: string[] = []
    for (const route of t.app.guardedRoutes) {
      const op = doc.paths[openapiPath(route.url)]?.[route.method.toLowerCase()]
      if (!op) continue // hidden from the document (the document itself, the payment simulator)
      const security = op.security ?? []
      const ok =
        route.permission === 'public'
          ? Array.isArray(op.security) && security.length === 0
          : security.some((r) => 'apiToken' in r) &&
            security.some((r) => 'sessionCookie' in r && (!changing.has(route.method) || 'csrfToken' in r))
      if (!ok) wrong.push(`${route.method} ${route.url} (${route.permission}): ${JSON.stringify(security)}`)
    }
    assert.deepEqual(wrong, [])
  })
})

test('the property walk reaches properties inside array items, unions and referenced components', () => {
  const found = documentProperties({
    paths: {
      '/x': {
        get: {
          responses: {
            '200': {
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      list: {
                        description: 'a list',
                        type: 'array',
                        items: {
                          anyOf: [{ type: 'object', properties: { deep: { type: 'string' } } }, { type: 'null' }],
                        },
                      },
                      node: { $ref: '#/components/schemas/Node' },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    components: { schemas: { Node: { type: 'object', properties: { id: { type: 'string', description: 'id' } } } } },
  })
  assert.deepEqual(
    found.filter((p) => !p.described).map((p) => p.where),
    ['GET /x 200 application/json.list[]|0.deep', 'GET /x 200 application/json.node'],
  )
})

describe('the server refuses to start', () => {
  const app = () => {
    const server = Fastify()
    registerOperationChecks(server)
    return server
  }

  test('when a documented route has no operationId', () => {
    const server = app()
    assert.throws(
      () => server.get('/api/x', { config: { permission: 'public' }, schema: { tags: ['catalogue'] } }, () => 'x'),
      /GET \/api\/x declares no operationId/,
    )
  })

  test('when two routes share an operationId', () => {
    const server = app()
    server.get('/api/x', { config: { permission: 'public' }, schema: { operationId: 'getX' } }, () => 'x')
    assert.throws(
      () => server.get('/api/y', { config: { permission: 'public' }, schema: { operationId: 'getX' } }, () => 'y'),
      /operationId getX is already used by GET \/api\/x/,
    )
  })
})
