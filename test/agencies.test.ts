import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { AgencyNode } from '../src/domain/catalog/agency-tree.ts'
import { createTestApp, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

const flatten = (nodes: AgencyNode[]): AgencyNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)])

describe(`the agency tree of the two-tier province on ${engineName}`, () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(async () => t.close())

  const tree = async (query = '') => {
    const res = await t.app.inject({ method: 'GET', url: `/api/agencies${query}` })
    assert.equal(res.statusCode, 200, res.body)
    return res.json<AgencyNode[]>()
  }

  test('the provincial committee is the root over departments, the service centre and 65 communes', async () => {
    const roots = await tree()
    const root = roots.find((r) => r.kind === 'provincial_committee')
    assert.ok(root)
    assert.equal(root.name, 'Ủy ban nhân dân tỉnh Khánh Hòa')
    const communes = root.children.filter((c) => c.kind === 'commune_committee')
    assert.equal(communes.length, 65)
    assert.ok(root.children.filter((c) => c.kind === 'department').length >= 13)
    assert.equal(root.children.filter((c) => c.kind === 'provincial_service_center').length, 1)
    const bacNhaTrang = communes.find((c) => c.statisticalCode === '22333')
    assert.equal(bacNhaTrang?.name, 'Ủy ban nhân dân phường Bắc Nha Trang')
    assert.equal(bacNhaTrang?.children[0]?.kind, 'commune_service_center')
  })

  test('there is no district level: no agency sits between the province and a commune', async () => {
    const all = flatten(await tree())
    for (const node of all.filter((n) => n.kind === 'commune_committee'))
      assert.ok(node.children.every((c) => c.kind === 'commune_service_center'))
  })

  test('every active agency has a unique QCVN 102 code, marked illustrative where unconfirmed', async () => {
    const all = flatten(await tree())
    const codes = all.map((n) => n.code)
    assert.ok(codes.every((c) => c !== null))
    assert.equal(new Set(codes).size, codes.length)
  })

  test('former units appear only when asked for, and not before the merger date is asked', async () => {
    const current = flatten(await tree())
    assert.ok(current.every((n) => n.kind !== 'former_unit'))
    const withFormer = flatten(await tree('?includeFormer=true'))
    assert.ok(withFormer.filter((n) => n.kind === 'former_unit').length > 65)
  })

  test('the tree with former units names each one’s successors, so a former name finds its commune today', async () => {
    const withFormer = flatten(await tree('?includeFormer=true'))
    const vinhHoa = withFormer.find((n) => n.kind === 'former_unit' && n.name === 'Phường Vĩnh Hòa')
    assert.deepEqual(vinhHoa?.successorIds, ['xa-22333'])
    assert.ok(withFormer.filter((n) => n.kind !== 'former_unit').every((n) => n.successorIds.length === 0))
  })

  test('former units keep successor links to the communes they merged into', async () => {
    const links = await t.database.db
      .selectFrom('agency_successions as s')
      .innerJoin('agency_names as n', 'n.agency_id', 's.predecessor_id')
      .where('s.successor_id', '=', 'xa-22333')
      .select('n.name')
      .execute()
    assert.ok(
      links.some((l) => l.name === 'Phường Vĩnh Hòa'),
      JSON.stringify(links),
    )
  })
})
