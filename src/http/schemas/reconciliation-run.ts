import { type Static, Type } from 'typebox'

const nullableText = (description: string) => Type.Union([Type.String(), Type.Null()], { description })

const PortalListing = Type.Object(
  {
    code: nullableText('MaHoSo: the dossier code the portal holds, null for a national dossier known only by its id'),
    nationalId: nullableText('MaHoSoQuocGia: the national dossier id, null for a dossier motcua received itself'),
    procedureCode: Type.String({ description: 'MaTTHC (766): the procedure code in the National TTHC Database' }),
    status: Type.Integer({ description: 'TrangThaiHoSo as the portal holds it (1–10, rules.md §8)' }),
    updatedAt: Type.String({ description: 'NgayCapNhat, yyyyMMddHHmmss in Vietnam time (assumed)' }),
  },
  { description: 'Một hồ sơ trong danh sách của Cổng DVCQG / One dossier as the portal lists it' },
)

const LocalDossier = Type.Object(
  {
    dossierId: Type.String({ format: 'uuid', description: "motcua's dossier id" }),
    code: nullableText('The dossier code, null before reception'),
    nationalId: nullableText('MaHoSoQuocGia when the dossier came from the national portal'),
    status: Type.Integer({ description: 'The status the current version sends (TrangThaiHoSo)' }),
    version: Type.Integer({ description: "The dossier's current version" }),
    syncedVersion: Type.Integer({ description: 'The highest version the portal acknowledged (0: never)' }),
  },
  { description: 'Một hồ sơ của motcua / One dossier as motcua holds it' },
)

/** Đối soát với Cổng DVCQG: one run, its counts and (for one run) its three lists (rules.md). */
export const ReconciliationRunView = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'The run' }),
    trigger: Type.Union([Type.Literal('daily'), Type.Literal('manual')], {
      description: 'daily: the report of the previous day; manual: asked for by an administrator or the CLI',
    }),
    windowFrom: Type.String({ format: 'date', description: 'First submission day (Vietnam time)' }),
    windowTo: Type.String({ format: 'date', description: 'Last submission day, inclusive' }),
    state: Type.Union([Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')], {
      description: 'running, done (with its lists) or failed (with why; nothing was changed)',
    }),
    startedAt: Type.String({ format: 'date-time', description: 'When the run began' }),
    finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
      description: 'When it ended; null while running',
    }),
    requestedBy: Type.String({ description: 'Who asked for it, or the job and its server' }),
    counts: Type.Union(
      [
        Type.Object({
          portalOnly: Type.Integer({ description: 'The portal has them, motcua lacks them' }),
          motcuaOnly: Type.Integer({ description: 'motcua has them, the portal lacks them' }),
          mismatched: Type.Integer({ description: 'Both hold them with different statuses' }),
          inStep: Type.Integer({ description: 'Both agree' }),
        }),
        Type.Null(),
      ],
      { description: 'null unless done' },
    ),
    error: nullableText('Why a failed run failed'),
    items: Type.Union(
      [
        Type.Object({
          portalOnly: Type.Array(PortalListing, { description: 'The portal has them, motcua lacks them' }),
          motcuaOnly: Type.Array(LocalDossier, { description: 'motcua has them, the portal lacks them' }),
          mismatched: Type.Array(
            Type.Object(
              { local: LocalDossier, portal: PortalListing },
              { description: 'One dossier, with both statuses' },
            ),
            { description: 'Both hold them with different statuses' },
          ),
        }),
        Type.Null(),
      ],
      { description: 'The three lists; null in a list of runs, and unless done' },
    ),
  },
  { description: 'Đối soát với Cổng DVCQG: một lần chạy / One reconciliation run' },
)
export type ReconciliationRunView = Static<typeof ReconciliationRunView>
