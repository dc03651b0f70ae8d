import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { loadavg } from 'node:os'
import { type KyselyPlugin, sql } from 'kysely'
import type { Actor } from '../src/domain/dossier/actor.ts'
import { seedYearDecisions } from '../src/store/calendar/calendar-years.ts'
import { workingDaysFromDatabase } from '../src/store/calendar/working-days-cache.ts'
import { loadCatalogFile } from '../src/store/catalog/load-catalog-file.ts'
import { openDatabase } from '../src/store/database.ts'
import { dossierCommands, type Outcome } from '../src/store/dossiers/dossier-commands.ts'
import { migrate } from '../src/store/migrate.ts'
import { publishedDecisions } from '../src/store/seed/published-decisions.ts'
import { actors, applicant } from '../test/support/dossier-fixtures.ts'
import { createScratchDatabase } from '../test/support/test-database.ts'
import type { BenchmarkResult } from './run.ts'

type Engine = ReturnType<typeof dossierCommands>
type Command = Parameters<Engine['run']>[1]

const procedure = { code: '1.001193', version: 1 }
const procedureName = 'Đăng ký khai sinh'
const concurrency = 8
const poolSize = 16
const communeCount = 8
/** The eight commands of one dossier, in order; `submit` is the engine's `create`. */
const steps = ['submit', 'receive', 'transfer', 'assign', 'appraise', 'approve', 'issue', 'return-result'] as const
type Step = (typeof steps)[number]

/**
 * Counts the statements Kysely runs, by their results: a statement compiled once and run many times
 * counts each time (BEGIN and COMMIT are not statements to it: two more per command).
 */
function statementCounter() {
  const counter = { statements: 0, plugin: undefined as unknown as KyselyPlugin }
  counter.plugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      counter.statements++
      return args.result
    },
  }
  return counter
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0

/** `--seconds S` (or `--seconds=S`) from the command line, 20 by default. */
function secondsOption(argv: readonly string[]): number {
  const at = argv.indexOf('--seconds')
  const raw = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--seconds='))?.slice('--seconds='.length)
  if (raw === undefined) return 20
  const seconds = Number(raw)
  if (!(seconds > 0)) throw new Error(`--seconds needs a positive number, got ${raw}`)
  return seconds
}

/** The officers of one commune: the one-stop unit `ttpvhcc-X` and the committee `xa-X` above it. */
function communeStaff(unit: string, commune: string) {
  const suffix = unit.slice(unit.lastIndexOf('-') + 1)
  return {
    unit,
    counter: { ...actors.counter, id: `mc-${suffix}`, agencyId: unit } satisfies Actor,
    specialist: { ...actors.specialist, id: `cv-${suffix}`, agencyId: commune } satisfies Actor,
    leader: { ...actors.leader, id: `ld-${suffix}`, agencyId: commune } satisfies Actor,
    clerk: { ...actors.clerk, id: `vt-${suffix}`, agencyId: commune } satisfies Actor,
  }
}
type Staff = ReturnType<typeof communeStaff>

function commandFor(step: Exclude<Step, 'submit'>, staff: Staff, n: number): Command {
  switch (step) {
    case 'receive':
      return { action: 'receive', actor: staff.counter }
    case 'transfer':
      return { action: 'transfer', actor: staff.counter }
    case 'assign':
      return {
        action: 'assign',
        actor: staff.leader,
        assigneeId: staff.specialist.id,
        assigneeName: staff.specialist.name,
      }
    case 'appraise':
      return { action: 'appraise', actor: staff.specialist, outcome: 'approve', note: 'Đủ điều kiện' }
    case 'approve':
      return { action: 'approve', actor: staff.leader }
    case 'issue':
      return { action: 'issue', actor: staff.clerk, resultNumber: `KS-${n}` }
    case 'return-result':
      return { action: 'return-result', actor: staff.counter, method: 'counter' }
  }
}

function describeFailure(step: Step, outcome: Outcome): string {
  if (outcome.ok) return `${step}: ok`
  if (outcome.problem === 'refused') return `${step}: refused ${outcome.refusal.code} (${outcome.refusal.en})`
  if (outcome.problem === 'conflict') return `${step}: conflict (current version ${outcome.currentVersion})`
  return `${step}: ${outcome.problem}`
}

/** Runs `pgbench` with the server, user and database of `url`; its stdout and stderr together. */
function pgbench(url: string, args: string[]): Promise<string> {
  const target = new URL(url)
  const env = {
    ...process.env,
    PGHOST: target.hostname,
    PGPORT: target.port || '5432',
    PGUSER: decodeURIComponent(target.username),
    PGPASSWORD: decodeURIComponent(target.password),
    PGDATABASE: decodeURIComponent(target.pathname.slice(1)),
  }
  return new Promise((resolve, reject) => {
    const child = spawn('pgbench', args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
    })
    child.stderr.on('data', (chunk) => {
      output += chunk
    })
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`pgbench ${args.join(' ')} exited with ${code}:\n${output}`)),
    )
  })
}

/**
 * Throughput of the dossier engine on PostgreSQL: 8 in-process workers each drive dossiers through
 * the eight commands of a full online lifecycle for S seconds; then, on the same server, same scratch
 * database, same duration and client count, pgbench's TPC-B-like transaction as the baseline.
 */
export async function lifecycleBenchmark(): Promise<BenchmarkResult> {
  const serverUrl = process.env.DATABASE_URL
  if (!serverUrl)
    throw new Error(
      'the lifecycle benchmark runs on PostgreSQL only: set DATABASE_URL to a server URL, e.g. postgres://postgres@127.0.0.1:5432/postgres',
    )
  const seconds = secondsOption(process.argv.slice(2))
  const scratch = await createScratchDatabase(serverUrl)
  try {
    const open = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize })
    let lifecycle: Awaited<ReturnType<typeof driveDossiers>>
    let communes: string[]
    let server: string | undefined
    // The machine is shared: its load says how far the absolute figures can be trusted.
    let loadBefore = 0
    try {
      await migrate(open.db)
      const catalog = await loadCatalogFile(open.db)
      await seedYearDecisions(open.db, publishedDecisions(), new Date())
      const version = catalog.procedures
        .find((p) => p.code === procedure.code)
        ?.versions.find((v) => v.version === procedure.version)
      // Birth registration is due the same day since session 5 (Luật Hộ tịch 2014 Art. 16(2)); the
      // command path is the same for a limit in working days.
      const limitUnit = version?.timeLimit?.unit
      if (version?.level !== 'commune' || (limitUnit !== 'working_days' && limitUnit !== 'within_day'))
        throw new Error(`${procedure.code} v${procedure.version} is not a commune procedure with a working-time limit`)
      const staff = catalog.agencies
        .filter((a) => a.kind === 'commune_service_center' && a.parentId !== null)
        .slice(0, communeCount)
        .map((a) => communeStaff(a.id, a.parentId as string))
      communes = staff.map((s) => s.unit)
      const counter = statementCounter()
      const counted = open.db.withPlugin(counter.plugin)
      const engine = dossierCommands(counted, workingDaysFromDatabase(counted))
      loadBefore = loadavg()[0] ?? 0
      lifecycle = await driveDossiers(engine, staff, seconds, counter)
      server = (await sql<{ server_version: string }>`SHOW server_version`.execute(open.db)).rows[0]?.server_version
    } finally {
      await open.close()
    }

    const initArgs = ['-i', '-s', '1', '-q']
    const runArgs = ['-b', 'tpcb-like', '-c', String(concurrency), '-j', '2', '-T', String(seconds), '--no-vacuum']
    console.error(`pgbench ${runArgs.join(' ')}…`)
    await pgbench(scratch.url, initArgs)
    const output = await pgbench(scratch.url, runArgs)
    const tpsMatch = output.match(/tps = ([\d.]+) \(without initial connection time\)/)
    if (!tpsMatch) throw new Error(`no tps in pgbench's output:\n${output}`)
    const pgbenchTps = Number(tpsMatch[1])
    const loadAfter = loadavg()[0] ?? 0

    const { latencies, statements, commands, dossiers, elapsedMs, cpuMs, failures } = lifecycle
    const statementsPerCommand = Object.values(statements).reduce((a, b) => a + b, 0) / steps.length
    const cpuShare = (100 * cpuMs) / elapsedMs
    const all = Object.values(latencies)
      .flat()
      .sort((a, b) => a - b)
    for (const list of Object.values(latencies)) list.sort((a, b) => a - b)
    const commandsPerSecond = commands / (elapsedMs / 1000)
    const dossiersPerSecond = dossiers / (elapsedMs / 1000)
    const failed = [...failures.values()].reduce((a, b) => a + b, 0)
    const ratio = commandsPerSecond / pgbenchTps
    const row = (label: string, t: number[], sent: number | string) =>
      `| ${label} | ${t.length.toLocaleString('en')} | ${percentile(t, 0.5).toFixed(2)} | ${percentile(t, 0.99).toFixed(2)} | ${sent} |`
    return {
      name: 'lifecycle',
      markdown: [
        `Command: \`DATABASE_URL=<server> npm run bench -- lifecycle --seconds ${seconds}\` (PostgreSQL ${server ?? 'unknown'}).`,
        '',
        `Setup: the dossier engine (\`dossierCommands\`) in-process over a \`pg\` pool of ${poolSize}; ${concurrency} concurrent`,
        `workers for ${seconds} s, each driving one dossier at a time through the ${steps.length} commands of a full online lifecycle:`,
        `${steps.join(' → ')}.`,
        'One transaction per command, a new idempotency key each, `now` the real time.',
        `Procedure ${procedure.code} v${procedure.version} (${procedureName}; commune level, due within the working day). Dossiers go`,
        `round-robin to ${communes.length} communes' one-stop units, so code counters and KPI rows are ${communes.length} rows, not one:`,
        `${communes.join(', ')}.`,
        'Scratch database on the server, migrated, demo catalogue and published calendar decisions loaded, one dossier',
        `run before timing. Node's own CPU during the timed run: ${cpuShare.toFixed(0)}% of one core.`,
        `Load average (1 min) of the machine, other work included: ${loadBefore.toFixed(2)} before the timed run, ${loadAfter.toFixed(2)} after pgbench.`,
        'The figures hold for this setup only (one procedure, 8 communes, tables empty at the start).',
        '',
        '| command | count | p50 ms | p99 ms | statements |',
        '|---|---|---|---|---|',
        ...steps.map((s) => row(`\`${s}\``, latencies[s], statements[s])),
        row('all commands', all, `${statementsPerCommand.toFixed(2)} on average`),
        '',
        'Statements: what the engine sends for the command once its caches are warm (counted by a Kysely plugin on',
        'a warm-up dossier), besides the BEGIN and COMMIT of its transaction.',
        '',
        `Commands/s: ${commandsPerSecond.toFixed(1)}; full dossiers/s: ${dossiersPerSecond.toFixed(1)}; failed commands: ${failed}` +
          (failed > 0 ? ` (${[...failures].map(([what, n]) => `${n} × ${what}`).join('; ')})` : '') +
          '.',
        '',
        `Baseline, after the lifecycle run, in the same scratch database (pgbench's tables next to ours):`,
        `\`pgbench ${initArgs.join(' ')}\` then \`pgbench ${runArgs.join(' ')}\`: ${pgbenchTps.toFixed(1)} tps`,
        '(without initial connection time).',
        '',
        `Ratio engine commands/s / pgbench tps: ${ratio.toFixed(2)} — the lifecycle commands the engine completes for each`,
        'TPC-B-like transaction (5 short statements) that pgbench completes on the same server with the same 8 clients,',
        "so its inverse is roughly how many pgbench transactions one command's transaction costs (idempotency claim,",
        'locked load, reference reads, events, projection, outbox and counters, driven from Node).',
      ],
      json: {
        commandsPerSecond: Number(commandsPerSecond.toFixed(1)),
        dossiersPerSecond: Number(dossiersPerSecond.toFixed(2)),
        p50Ms: Number(percentile(all, 0.5).toFixed(2)),
        p99Ms: Number(percentile(all, 0.99).toFixed(2)),
        statementsPerCommand: Number(statementsPerCommand.toFixed(2)),
        pgbenchTps: Number(pgbenchTps.toFixed(1)),
        ratio: Number(ratio.toFixed(3)),
      },
    }
  } finally {
    await scratch.drop()
  }
}

/**
 * `concurrency` workers, each running dossiers one after the other until `seconds` have passed. The
 * commands done in a dossier cut short by the deadline count; the dossier does not.
 */
async function driveDossiers(
  engine: Engine,
  staff: Staff[],
  seconds: number,
  counter: ReturnType<typeof statementCounter>,
) {
  const statements = Object.fromEntries(steps.map((s) => [s, 0])) as Record<Step, number>
  const latencies = Object.fromEntries(steps.map((s) => [s, [] as number[]])) as Record<Step, number[]>
  const failures = new Map<string, number>()
  let commands = 0
  let dossiers = 0
  let started = 0
  let timing = false

  /** One dossier through the eight commands; false if a command failed (the dossier is then left). */
  async function oneDossier(deadline: number): Promise<boolean> {
    const n = started++
    const at = staff[n % staff.length] as Staff
    let ref = ''
    let version = 0
    for (const step of steps) {
      if (performance.now() >= deadline) return false
      const options = { idempotencyKey: randomUUID(), now: new Date() }
      const sent = counter.statements
      const start = performance.now()
      let outcome: Outcome
      try {
        outcome =
          step === 'submit'
            ? await engine.create(
                {
                  action: 'submit',
                  actor: actors.applicant,
                  channel: 2,
                  applicant,
                  procedure,
                  receivingAgencyId: at.unit,
                  components: [],
                },
                options,
              )
            : await engine.run(ref, commandFor(step, at, n), version, options)
      } catch (error) {
        const what = `${step}: threw ${error instanceof Error ? error.message : String(error)}`
        failures.set(what, (failures.get(what) ?? 0) + 1)
        return false
      }
      const ms = performance.now() - start
      if (!outcome.ok) {
        const what = describeFailure(step, outcome)
        failures.set(what, (failures.get(what) ?? 0) + 1)
        return false
      }
      if (timing) {
        latencies[step].push(ms)
        commands++
      } else statements[step] = counter.statements - sent
      ref = outcome.dossierId
      version = outcome.version
    }
    if (timing) dossiers++
    return true
  }

  // Warm-up: one dossier per commune loads the calendars, office hours and procedure terms and checks
  // the lifecycle goes through; the last, with every cache warm, gives the statements per command.
  for (let i = 0; i <= staff.length; i++)
    if (!(await oneDossier(Number.POSITIVE_INFINITY)))
      console.error(`lifecycle: the warm-up dossier failed: ${[...failures.keys()].join('; ')}`)
  failures.clear()
  timing = true
  const cpuBefore = process.cpuUsage()
  const start = performance.now()
  const deadline = start + seconds * 1000
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) await oneDossier(deadline)
    }),
  )
  const elapsedMs = performance.now() - start
  const cpu = process.cpuUsage(cpuBefore)
  const cpuMs = (cpu.user + cpu.system) / 1000
  const failed = [...failures.values()].reduce((a, b) => a + b, 0)
  if (failed > 0)
    console.error(
      `lifecycle: ${failed} failed command(s): ${[...failures].map(([what, k]) => `${k} × ${what}`).join('; ')}`,
    )
  return { latencies, statements, commands, dossiers, elapsedMs, cpuMs, failures }
}
