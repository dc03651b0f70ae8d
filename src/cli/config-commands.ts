import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Command } from 'commander'
import { variablesTable, withVariablesTable } from '../config/config-docs.ts'
import { processConfig } from '../config/process-config.ts'

export const operationsDoc = join(import.meta.dirname, '..', '..', 'docs', 'operations.md')

/** `config check` and `config docs`: the environment as motcua reads it (src/config/environment.ts). */
export function addConfigCommands(program: Command): void {
  const config = program.command('config').description('configuration / cấu hình (environment variables)')
  config
    .command('check')
    .description('check every environment variable and their relations; exit code 2 naming each wrong one')
    .action(() => {
      processConfig()
      console.log('cấu hình hợp lệ / configuration ok')
    })
  config
    .command('docs')
    .description('print the table of environment variables, or --write it into docs/operations.md')
    .option('--write', 'replace the generated section of docs/operations.md')
    .action((opts: { write?: boolean }) => {
      if (!opts.write) return console.log(variablesTable())
      writeFileSync(operationsDoc, withVariablesTable(readFileSync(operationsDoc, 'utf8')))
      console.log(`wrote ${operationsDoc}`)
    })
}
